import { openSourceKinds } from '@shared/domain/report'
import type { ActivityKind } from '@shared/domain/activities'
import { parseActivityLink } from '@shared/domain/activityLink'
import { activityNouns, count, joinWords } from '@shared/domain/activityWords'
import type { JsonResumeProject } from '@shared/domain/jsonResume'
import { resumeSkillSeparator, type ResumeActivity } from './resumeSources'
import { safeLink } from './resumeUrls'

/** A theme prints every highlight: the most telling ones, not a repository's whole log. */
export const highlightLimit = 10
const keywordLimit = 8

/** What a person was in a repository, by the kinds of work they did there, in this order. */
const roleOf: Partial<Record<ActivityKind, string>> = {
  'pull-request': 'Contributor',
  commits: 'Contributor',
  'code-review': 'Reviewer',
  release: 'Release manager',
  docs: 'Documentation author',
  issue: 'Issue reporter',
}
const roleOrder: readonly ActivityKind[] = ['pull-request', 'commits', 'code-review', 'release', 'docs', 'issue']

const isOpenSource = new Set<ActivityKind>(openSourceKinds)

/** The repository an activity belongs to: its own field, else what its GitHub or GitLab link says. */
export function repositoryOf(activity: Pick<ResumeActivity, 'repo' | 'url'>): string | null {
  const own = activity.repo?.trim() ?? ''
  if (own !== '') return own
  return activity.url ? (parseActivityLink(activity.url)?.repo ?? null) : null
}

/** Open-source work the projects hold: an open-source kind with a repository. */
export const isRepositoryWork = (a: Pick<ResumeActivity, 'kind' | 'repo' | 'url'>): boolean => isOpenSource.has(a.kind) && repositoryOf(a) !== null

export const isMergedPullRequest = (a: Pick<ResumeActivity, 'kind' | 'state'>): boolean => a.kind === 'pull-request' && a.state === 'merged'

export const skillIdsOf = (a: Pick<ResumeActivity, 'skills'>): string[] => (a.skills === null ? [] : a.skills.split(resumeSkillSeparator))

/** "Fix the scheduler — cut p95 latency from 800 ms to 120 ms": the work, then why it mattered. */
const highlightOf = (a: ResumeActivity): string => (a.impact ? `${a.title} — ${a.impact}` : a.title)

function keywordsOf(activities: readonly ResumeActivity[], skillTitles: ReadonlyMap<string, string>): string[] {
  const uses = new Map<string, number>()
  for (const a of activities) for (const id of skillIdsOf(a)) uses.set(id, (uses.get(id) ?? 0) + 1)
  return [...uses]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, keywordLimit)
    .map(([id]) => skillTitles.get(id) ?? id)
}

/** The project's home: the forge's page of the repository, when a link of its own says where that is. */
function repositoryUrl(repo: string, activities: readonly ResumeActivity[]): string | null {
  for (const a of activities) {
    const link = safeLink(a.url)
    const facts = link ? parseActivityLink(link) : null
    if (link && facts && facts.repo.toLowerCase() === repo.toLowerCase()) return `${new URL(link).origin}/${facts.repo}`
  }
  return null
}

function describe(activities: readonly ResumeActivity[]): string {
  const byKind = new Map<ActivityKind, number>()
  for (const a of activities) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1)
  const merged = activities.filter(isMergedPullRequest).length
  const parts = openSourceKinds.flatMap((kind) => {
    const n = byKind.get(kind) ?? 0
    if (n === 0) return []
    const text = count(n, activityNouns[kind])
    return kind === 'pull-request' && merged > 0 ? [`${text} (${merged} merged)`] : [text]
  })
  return `${joinWords(parts)}.`
}

/** Highlights: work with an impact line first, then merged pull requests; newest first within each. */
function highlightsOf(activities: readonly ResumeActivity[]): string[] {
  const telling = activities.filter((a) => a.impact !== null || isMergedPullRequest(a))
  return telling
    .sort((x, y) => Number(y.impact !== null) - Number(x.impact !== null) || y.date.localeCompare(x.date) || y.id - x.id)
    .slice(0, highlightLimit)
    .map(highlightOf)
}

/** One project per repository the person worked in, most merged pull requests first. */
export function openSourceProjects(activities: readonly ResumeActivity[], skillTitles: ReadonlyMap<string, string>): JsonResumeProject[] {
  // A Map, not an object: a repository may be called "__proto__".
  const byRepo = new Map<string, ResumeActivity[]>()
  for (const a of activities) {
    const repo = isOpenSource.has(a.kind) ? repositoryOf(a) : null
    if (repo === null) continue
    const list = byRepo.get(repo)
    if (list) list.push(a)
    else byRepo.set(repo, [a])
  }
  const ranked = [...byRepo].map(([repo, list]) => ({ repo, list, merged: list.filter(isMergedPullRequest).length }))
  ranked.sort((x, y) => y.merged - x.merged || y.list.length - x.list.length || x.repo.localeCompare(y.repo))
  return ranked.map(({ repo, list }) => {
    const kinds = new Set(list.map((a) => a.kind))
    const roles = [...new Set(roleOrder.filter((k) => kinds.has(k)).flatMap((k) => roleOf[k] ?? []))]
    const url = repositoryUrl(repo, list)
    const slash = repo.indexOf('/')
    return {
      name: repo,
      description: describe(list),
      highlights: highlightsOf(list),
      keywords: keywordsOf(list, skillTitles),
      // Rows come oldest first.
      startDate: list[0]?.date ?? '',
      endDate: list.at(-1)?.date ?? '',
      ...(url ? { url } : {}),
      roles,
      ...(slash > 0 ? { entity: repo.slice(0, slash) } : {}),
      type: 'open-source',
    }
  })
}

/** A talk or a portfolio project: a project of its own, as JSON Resume's `type` suggests. */
export function singleProjects(activities: readonly ResumeActivity[], skillTitles: ReadonlyMap<string, string>): JsonResumeProject[] {
  const spec: Partial<Record<ActivityKind, { type: string; role: string; description: string }>> = {
    'portfolio-project': { type: 'application', role: 'Author', description: 'Portfolio project' },
    talk: { type: 'talk', role: 'Speaker', description: 'Talk' },
  }
  return activities
    .flatMap((a) => {
      const s = spec[a.kind]
      if (!s) return []
      const url = safeLink(a.url)
      const project: JsonResumeProject = {
        name: a.title,
        description: s.description,
        highlights: a.impact ? [a.impact] : [],
        keywords: keywordsOf([a], skillTitles),
        startDate: a.date,
        endDate: a.date,
        ...(url ? { url } : {}),
        roles: [s.role],
        type: s.type,
      }
      return [{ date: a.date, id: a.id, project }]
    })
    .sort((x, y) => y.date.localeCompare(x.date) || y.id - x.id)
    .map((p) => p.project)
}
