import { format, parseISO } from 'date-fns'
import type { ActivityKind, ActivityState, ImportIssue, ImportSummary } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { ImportedFields } from '../../activities/activityRow'
import type { Db } from '../../store/database'
import { withSourceFields } from '../importedActivity'
import { throwIfCancelled, type ImportRun } from '../importRun'
import { writeImportWhenNeeded } from '../writeImport'
import { defaultGitHubApiUrl } from '@shared/domain/githubApi'
import { createGitHubClient, type GitHubClientOptions } from './githubClient'
import { searchAll } from './githubSearch'
import { firstReviews, reviewKey } from './githubReviewDates'
import type { SearchItem } from './githubSchemas'

export interface GitHubImportOptions extends ImportRun, Pick<GitHubClientOptions, 'sleep' | 'maxWaitMs' | 'fetch'> {
  username: string
  token?: string | undefined
  /** Only items updated on or after this day (YYYY-MM-DD). */
  since?: string | undefined
  apiUrl?: string | undefined
  now: () => Date
}

const count = (n: number): string => n.toLocaleString('en-US')
const localDay = (timestamp: string): string => format(parseISO(timestamp), 'yyyy-MM-dd')
/** The pull request number at the end of a review's key ("github:review:owner/name#12"). */
const numberOf = (fields: ImportedFields): number => Number(/#(\d+)$/.exec(fields.externalKey ?? '')?.[1] ?? '0')
const repoOf = (item: SearchItem): string | null => /\/repos\/([^/]+\/[^/]+)\/?$/.exec(item.repository_url)?.[1] ?? null

/**
 * "github:pr:owner/name#12". The host is the web one from the item's own link, so keys do not
 * change with the API address used; only GitHub Enterprise items carry theirs.
 */
function keyOf(item: SearchItem, kind: 'pr' | 'issue' | 'review', repo: string): string {
  let host = 'github.com'
  try {
    host = new URL(item.html_url).host
  } catch {
    // A malformed link keeps the github.com key; the item still has its repository and number.
  }
  return `github:${host === 'github.com' ? '' : `${host}:`}${kind}:${repo.toLowerCase()}#${item.number}`
}

function toFields(item: SearchItem, kind: ActivityKind, keyKind: 'pr' | 'issue' | 'review', overrides: Partial<ImportedFields> = {}): ImportedFields | null {
  const repo = repoOf(item)
  if (!repo) return null
  const merged = kind === 'pull-request' && item.pull_request?.merged_at
  const state: ActivityState | null = kind === 'code-review' ? null : merged ? 'merged' : item.state
  return {
    kind,
    date: localDay(item.created_at),
    title: item.title.slice(0, 200) || `#${item.number}`,
    url: /^https?:\/\//.test(item.html_url) ? item.html_url : null,
    repo,
    state,
    hours: null,
    notes: null,
    impact: null,
    starred: false,
    goalId: null,
    skillIds: [],
    source: 'github',
    externalKey: keyOf(item, keyKind, repo),
    commitCount: null,
    linesChanged: null,
    ...overrides,
  }
}

/**
 * Imports the user's pull requests, issues and reviews. Everything is fetched before anything
 * is written, then written in one transaction, so a 401, a rate limit that will not lift or a
 * dropped connection leaves the store as it was. A re-import updates the state and link of
 * what is already there (an open PR that got merged) and adds only what is new.
 */
export async function importGitHub(db: Db, repo: ActivitiesRepository, options: GitHubImportOptions): Promise<ImportSummary> {
  const { onProgress, signal, username } = options
  const client = createGitHubClient({
    apiUrl: options.apiUrl ?? defaultGitHubApiUrl,
    token: options.token,
    signal,
    now: options.now,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  const since = options.since ? ` updated:>=${options.since}` : ''
  const notes: ImportIssue[] = []

  // Each search's bar fills with its own items; the message names the phase.
  const searchFor = (query: string, what: string) =>
    searchAll(client, query, what, notes, {
      now: options.now(),
      signal,
      onProgress: (fetched, total) => onProgress?.(fetched, total, `Fetching your ${what}: ${count(fetched)} of ${count(total)}`),
    })
  onProgress?.(0, 0, 'Fetching your pull requests')
  const pulls = await searchFor(`is:pr author:${username}${since}`, 'pull requests')
  onProgress?.(0, 0, 'Fetching your issues')
  const issues = await searchFor(`is:issue author:${username}${since}`, 'issues')
  onProgress?.(0, 0, 'Fetching pull requests you reviewed')
  const reviewed = await searchFor(`is:pr reviewed-by:${username} -author:${username}${since}`, 'reviewed pull requests')

  const items: ImportedFields[] = []
  for (const item of pulls) {
    const fields = toFields(item, 'pull-request', 'pr')
    if (fields) items.push(fields)
  }
  for (const item of issues) {
    const fields = toFields(item, 'issue', 'issue')
    if (fields) items.push(fields)
  }
  // The day of a review is on the review, not the search item: asked only for reviews not yet
  // imported, fifty a request over GraphQL when there is a token.
  const reviews: ImportedFields[] = []
  for (const item of reviewed) {
    const fields = toFields(item, 'code-review', 'review', { title: `Review: ${item.title}`.slice(0, 200) })
    if (fields?.externalKey) reviews.push(fields)
  }
  const unknown = reviews.filter((fields) => fields.externalKey !== null && !repo.byExternalKey(fields.externalKey))
  const total = 3 + unknown.length
  const pending = unknown.flatMap((fields) => (fields.repo ? [{ repo: fields.repo, number: numberOf(fields) }] : []))
  const dates = await firstReviews(client, username, pending, { signal, onProgress: (done) => onProgress?.(3 + done, total, `Reading the days of your reviews: ${count(done)} of ${count(pending.length)}`) })
  for (const fields of reviews) {
    const first = fields.repo ? dates.get(reviewKey({ repo: fields.repo, number: numberOf(fields) })) : undefined
    items.push({ ...fields, date: first ? localDay(first.at) : fields.date, url: first?.url && /^https?:\/\//.test(first.url) ? first.url : fields.url })
  }
  throwIfCancelled(signal)
  onProgress?.(total, total, `Saving ${items.length} items`)

  const summary = await writeImportWhenNeeded(db, repo, items, {
    findUnkeyed: (incoming) => (incoming.url ? repo.findByUrl(incoming.url, incoming.kind) : undefined),
    merge(existing, incoming) {
      // GitHub owns the state (an open PR gets merged); the title, notes and tags are the user's.
      if (existing.state === incoming.state) return null
      return withSourceFields(existing, { state: incoming.state })
    },
  }, options.now(), options)
  return { ...summary, errors: notes }
}
