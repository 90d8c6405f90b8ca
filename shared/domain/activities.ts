import type { ActivityKind } from './careerPath'

export type { ActivityKind }
export { activityKindSchema } from './careerPath'

export const activityStates = ['open', 'merged', 'closed'] as const
export type ActivityState = (typeof activityStates)[number]

export const activitySources = ['manual', 'git', 'github', 'csv', 'gitlab', 'gitea', 'bitbucket', 'stackexchange', 'feed', 'badge', 'calendar'] as const
export type ActivitySource = (typeof activitySources)[number]

export const activitySorts = ['date-desc', 'date-asc', 'title'] as const
export type ActivitySort = (typeof activitySorts)[number]

/** Kinds whose work has an open/merged/closed life; every other kind has no state. */
export const kindsWithState: readonly ActivityKind[] = ['pull-request', 'issue']

export const activityKindLabels: Record<ActivityKind, { one: string; many: string }> = {
  'pull-request': { one: 'Pull request', many: 'Pull requests' },
  issue: { one: 'Issue', many: 'Issues' },
  'code-review': { one: 'Code review', many: 'Code reviews' },
  docs: { one: 'Documentation', many: 'Documentation changes' },
  release: { one: 'Release', many: 'Releases' },
  commits: { one: 'Commits', many: 'Commit days' },
  certification: { one: 'Certification', many: 'Certifications' },
  meetup: { one: 'Meetup', many: 'Meetups' },
  talk: { one: 'Talk', many: 'Talks' },
  'forum-answer': { one: 'Forum answer', many: 'Forum answers' },
  'blog-post': { one: 'Blog post', many: 'Blog posts' },
  'portfolio-project': { one: 'Portfolio project', many: 'Portfolio projects' },
  learning: { one: 'Learning session', many: 'Learning sessions' },
}

export const activityStateLabels: Record<ActivityState, string> = {
  open: 'Open',
  merged: 'Merged',
  closed: 'Closed',
}

export interface ActivitySkill {
  id: string
  /** The skill's title in the career path; its id when the path no longer has it. */
  title: string
}

export interface Activity {
  id: number
  kind: ActivityKind
  /** The day the work happened, YYYY-MM-DD, in the user's own calendar. */
  date: string
  title: string
  url: string | null
  /** `owner/name` for a repository, or a free project name. */
  repo: string | null
  state: ActivityState | null
  hours: number | null
  notes: string | null
  /** Why it mattered, in one line ("cut p95 latency from 800 ms to 120 ms"). */
  impact: string | null
  /** Work to show first: a job application's report picks the top starred ones. */
  starred: boolean
  goalId: number | null
  source: ActivitySource
  /** Identity of an imported activity at its source; re-imports match on it. */
  externalKey: string | null
  commitCount: number | null
  linesChanged: number | null
  skills: ActivitySkill[]
  createdAt: string
  updatedAt: string
}

export interface ActivityPage {
  rows: Activity[]
  /** How many activities match the filter, across all pages. */
  total: number
  /**
   * False when `total` is an estimate ("about 2,400"): only for a search combined with other
   * filters whose text matches more than 5,000 activities, where an exact count would cost
   * more than the page. Reaching the last page (nextCursor null) tells the exact end.
   */
  totalExact: boolean
  /** Pass back as `cursor` for the page after this one; null on the last page. */
  nextCursor: string | null
}

export interface RemovedActivity {
  id: number
  deletedAt: string
}

export interface RepositoryCount {
  repo: string
  count: number
}

export interface HeatmapDay {
  date: string
  count: number
}

export interface Streak {
  /** Consecutive days (or weeks) with at least one activity. */
  length: number
  /** First and last day of the run, null when length is 0. */
  from: string | null
  to: string | null
}

export interface MonthCount {
  /** YYYY-MM */
  month: string
  count: number
}

export interface TopRepository {
  repo: string
  count: number
  lastDate: string
}

export interface StrategySummary {
  strategyId: string
  title: string
  kinds: ActivityKind[]
  /** Counts this calendar year. */
  total: number
  byKind: { kind: ActivityKind; count: number }[]
  mergedPullRequests: number
  repositories: number
  /** "Engage in Open Source Projects: 42 merged PRs in 9 repositories this year" */
  sentence: string
}

export interface ActivityStats {
  /** The day stats were computed for (the user's today). */
  today: string
  year: number
  heatmap: {
    from: string
    to: string
    /** Every day from `from` to `to`, oldest first, zeros included. */
    days: HeatmapDay[]
    max: number
    total: number
  }
  streaks: {
    /** A run still counts as current when it ended yesterday (today is not over yet). */
    currentDays: Streak
    longestDays: Streak
    /** Weeks start on Monday. The current week run may end last week. */
    currentWeeks: Streak
    longestWeeks: Streak
  }
  /** The twelve months of the heatmap window, oldest first. */
  months: MonthCount[]
  /** Most active repositories in the heatmap window. */
  topRepositories: TopRepository[]
  strategies: StrategySummary[]
}

export interface ImportIssue {
  /** Line in the CSV text (the header is line 1), when the issue belongs to a line. */
  line?: number
  message: string
}

export interface ImportSummary {
  added: number
  updated: number
  /** Already there and unchanged, or deleted by the user earlier. */
  skipped: number
  errors: ImportIssue[]
}

export interface CsvPreview extends ImportSummary {
  /** Data rows read (not counting the header). */
  rows: number
  /** Lines that have errors; pass them as `skipLines` to import the rest. */
  badLines: number[]
}

export interface ImportProgress {
  importId: string
  done: number
  total: number
  message: string
  finished: boolean
}

export interface ImportSettings {
  /** Author emails that count as the user's in git history. */
  gitEmails: string[]
  githubUsername: string | null
  /**
   * The API origins (https://api.github.com, a GitHub Enterprise server) the host keeps a token
   * for, each sent only there (OS keychain or session memory; never SQLite).
   */
  githubTokenOrigins: string[]
}

export interface CsvExport {
  csv: string
  count: number
}
