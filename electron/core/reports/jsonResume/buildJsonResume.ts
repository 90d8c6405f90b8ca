import type { JsonResume, JsonResumeCertificate, JsonResumePublication } from '@shared/domain/jsonResume'
import type { ReportPeriod } from '@shared/domain/report'
import { privateRepositoryMatcher } from '../privateRepositories'
import { isMergedPullRequest, isRepositoryWork, openSourceProjects, singleProjects } from './resumeProjects'
import { resumeSkills } from './resumeSkills'
import type { ResumeActivity, ResumeSources } from './resumeSources'
import { publisherOf, safeLink } from './resumeUrls'

/** The schema the file is written against (the @jsonresume/schema package's, 1.x). */
export const jsonResumeSchemaUrl = 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json'

export interface ResumeInput {
  sources: ResumeSources
  period: Pick<ReportPeriod, 'from' | 'to' | 'timeZone'>
  /** The composer's name and job title, which win over the profile's. */
  author: { name: string | null; title: string | null } | null
  includePrivateRepositories: boolean
  now: Date
}

const certificateOf = (a: ResumeActivity): JsonResumeCertificate => {
  const url = safeLink(a.url)
  return { name: a.title, date: a.date, ...(url ? { url } : {}) }
}

const publicationOf = (a: ResumeActivity): JsonResumePublication => {
  const url = safeLink(a.url)
  const publisher = publisherOf(url)
  return { name: a.title, releaseDate: a.date, ...(url ? { url } : {}), ...(publisher ? { publisher } : {}), ...(a.impact ? { summary: a.impact } : {}) }
}

const newestFirst = (x: ResumeActivity, y: ResumeActivity): number => y.date.localeCompare(x.date) || y.id - x.id

/**
 * The period's work as a JSON Resume: open-source work per repository, talks and portfolio
 * projects as projects; the roadmap's skills; certifications; blog posts as publications.
 * Notes never appear. Activities in private repositories stay out unless asked for.
 */
export function buildJsonResume({ sources, period, author, includePrivateRepositories, now }: ResumeInput): JsonResume {
  const isPrivate = privateRepositoryMatcher(includePrivateRepositories ? [] : sources.privateRepositories)
  const shown: ResumeActivity[] = []
  let privateLeftOut = 0
  for (const a of sources.activities) {
    if (isPrivate(a) === null) shown.push(a)
    else privateLeftOut += 1
  }
  const skillTitles = new Map(sources.items.map((i) => [i.id, i.title]))
  const openSource = openSourceProjects(shown, skillTitles)
  const others = singleProjects(shown, skillTitles)
  const certifications = shown.filter((a) => a.kind === 'certification').sort(newestFirst)
  const posts = shown.filter((a) => a.kind === 'blog-post').sort(newestFirst)
  const skills = resumeSkills(sources.items)

  const name = author?.name ?? sources.person.name
  const label = author?.title ?? sources.person.jobTitle
  const github = sources.githubUsername
  const generatedAt = now.toISOString()
  const repositoryWork = shown.filter(isRepositoryWork)

  return {
    $schema: jsonResumeSchemaUrl,
    basics: {
      ...(name ? { name } : {}),
      ...(label ? { label } : {}),
      profiles: github ? [{ network: 'GitHub', username: github, url: `https://github.com/${encodeURIComponent(github)}` }] : [],
    },
    projects: [...openSource, ...others],
    skills: skills.map((s) => s.skill),
    certificates: certifications.map(certificateOf),
    publications: posts.map(publicationOf),
    meta: {
      version: 'v1.0.0',
      lastModified: generatedAt.slice(0, 19),
      pathfinder: {
        formatVersion: 1,
        generatedAt,
        period: { from: period.from, to: period.to, timeZone: period.timeZone },
        privateRepositories: includePrivateRepositories ? 'included' : 'excluded',
        figures: {
          openSourceContributions: repositoryWork.length,
          mergedPullRequests: repositoryWork.filter(isMergedPullRequest).length,
          repositories: openSource.length,
          certifications: certifications.length,
          publications: posts.length,
          talks: shown.filter((a) => a.kind === 'talk').length,
          portfolioProjects: shown.filter((a) => a.kind === 'portfolio-project').length,
          skills: skills.length,
          privateActivitiesLeftOut: privateLeftOut,
        },
        skills: skills.map((s) => s.meta),
      },
    },
  }
}
