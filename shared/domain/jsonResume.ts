/**
 * The part of the JSON Resume format (https://jsonresume.org/schema, package @jsonresume/schema)
 * that Pathfinder writes. Every field is the schema's own; what is Pathfinder's alone lives
 * under `meta.pathfinder`, so any JSON Resume theme renders the file as it is.
 */
export interface JsonResumeProfile {
  network: string
  username: string
  url: string
}

export interface JsonResumeBasics {
  name?: string
  label?: string
  summary?: string
  profiles: JsonResumeProfile[]
}

export interface JsonResumeProject {
  name: string
  description: string
  highlights: string[]
  keywords: string[]
  startDate: string
  endDate: string
  url?: string
  roles: string[]
  entity?: string
  type: string
}

export interface JsonResumeSkill {
  name: string
  level: string
  keywords: string[]
}

export interface JsonResumeCertificate {
  name: string
  date: string
  url?: string
}

export interface JsonResumePublication {
  name: string
  releaseDate: string
  url?: string
  publisher?: string
  summary?: string
}

/** Our own figures: what the file was made from, so a reader can check it against the app. */
export interface JsonResumePathfinderMeta {
  /** Bumped when a field here is renamed or removed. */
  formatVersion: 1
  generatedAt: string
  period: { from: string; to: string; timeZone: string }
  privateRepositories: 'included' | 'excluded'
  figures: {
    /** Open-source activities in the projects (in a repository, private ones left out when excluded). */
    openSourceContributions: number
    mergedPullRequests: number
    repositories: number
    certifications: number
    publications: number
    talks: number
    portfolioProjects: number
    /** Skills listed: a level of 1 or more, or in progress or done. */
    skills: number
    /** Activities left out because their repository is marked private. */
    privateActivitiesLeftOut: number
  }
  /** Each listed skill's roadmap id, 0-5 level and status, in the order of `skills`. */
  skills: { id: string; level: number | null; status: string }[]
}

export interface JsonResume {
  $schema: string
  basics: JsonResumeBasics
  projects: JsonResumeProject[]
  skills: JsonResumeSkill[]
  certificates: JsonResumeCertificate[]
  publications: JsonResumePublication[]
  meta: { version: string; lastModified: string; pathfinder: JsonResumePathfinderMeta }
}
