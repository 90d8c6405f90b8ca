import type { z } from 'zod'
import type { ActivityState, ImportIssue, ImportSummary } from '@shared/domain/activities'
import type { ImportedFields } from '../../activities/activityRow'
import { DomainError } from '../../ipc/domainError'
import { throwIfCancelled } from '../importRun'
import { createForgeClient, type ForgeAnswer, type ForgeClient } from '../forge/forgeClient'
import { forgeFields, forgeSources, hostOf } from '../forge/forgeFields'
import { count, noteLeftOut, passThrough, type ForgeImportOptions, type ForgeStore } from '../forge/forgeImport'
import { writeForgeImport } from '../forge/forgeWrite'
import { eventsSchema, issuesSchema, mergeRequestsSchema, projectSchema, usersSchema, type Project, type ReviewEvent } from './gitlabSchemas'

export interface GitLabImportOptions extends ForgeImportOptions {
  username: string
}

/** GitLab pages by `x-next-page`, empty on the last page; unlike `Link` and `x-total`, it is sent past 10,000 items too. */
function nextPage(answer: ForgeAnswer<unknown>): string | null {
  const next = answer.headers.get('x-next-page')?.trim()
  if (!next || !/^\d{1,6}$/.test(next)) return null
  const url = new URL(answer.url)
  url.searchParams.set('page', next)
  return url.href
}

async function readAll<T>(client: ForgeClient, first: string, schema: z.ZodType<T[]>, progress: (fetched: number, total: number) => void, signal: AbortSignal | undefined): Promise<T[]> {
  const all: T[] = []
  for await (const page of client.pages(first, schema, nextPage)) {
    throwIfCancelled(signal)
    all.push(...page.data)
    // Past 10,000 GitLab stops counting: the bar then follows what has been read.
    const total = Number(page.headers.get('x-total') ?? '')
    progress(all.length, Number.isInteger(total) && total >= all.length ? total : all.length)
  }
  return all
}

const states: Record<'opened' | 'closed' | 'locked' | 'merged', ActivityState> = { opened: 'open', locked: 'open', merged: 'merged', closed: 'closed' }

/** "group/sub/app" from "group/sub/app!12" or "group/sub/app#3". */
const projectPath = (full: string): string => full.replace(/[!#]\d+$/, '')

const query = (params: Record<string, string | undefined>): string =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString()

/**
 * Imports from GitLab (gitlab.com or a self-managed server, API v4) the merge requests and
 * issues the person opened and their reviews of others' merge requests (approvals and comments),
 * each dated by the first of them.
 * Everything is read before anything is written, then written in one transaction: a refused
 * token, a rate limit that will not lift or a dropped connection leaves the store as it was. A
 * re-import updates the state of what is there (an open merge request that got merged).
 */
export async function importGitLab(store: ForgeStore, options: GitLabImportOptions): Promise<ImportSummary> {
  const { onProgress, signal, username } = options
  const client = createForgeClient({
    forge: 'GitLab',
    apiUrl: options.apiUrl,
    authorization: options.token ? `Bearer ${options.token}` : undefined,
    ...passThrough(options),
  })
  const apiHost = new URL(options.apiUrl).host
  const notes: ImportIssue[] = []
  const mine = { scope: 'all', state: 'all', author_username: username, per_page: '100', order_by: 'created_at', sort: 'asc', updated_after: options.since ? `${options.since}T00:00:00Z` : undefined }
  const phase = (what: string) => (fetched: number, total: number) => onProgress?.(fetched, total, `Fetching your ${what}: ${count(fetched)} of ${count(total)}`)

  // The user first: an unknown name is a 404 here, in words, rather than an empty import.
  onProgress?.(0, 0, 'Fetching your merge requests')
  const users = await client.get(`/users?${query({ username })}`, usersSchema)
  if (users.data.length === 0) {
    throw new DomainError('not-found', `GitLab has no user ${username} at ${apiHost}. Check the username; nothing was imported.`, [{ path: 'username', message: 'GitLab has no such user' }])
  }
  const mergeRequests = await readAll(client, `/merge_requests?${query(mine)}`, mergeRequestsSchema, phase('merge requests'), signal)
  onProgress?.(0, 0, 'Fetching your issues')
  const issues = await readAll(client, `/issues?${query(mine)}`, issuesSchema, phase('issues'), signal)
  onProgress?.(0, 0, 'Fetching your reviews')
  const after = options.since ? dayBefore(options.since) : undefined
  const eventsOf = (action: string, targetType: string) =>
    readAll(client, `/users/${encodeURIComponent(username)}/events?${query({ action, target_type: targetType, per_page: '100', sort: 'asc', after })}`, eventsSchema, phase('reviews'), signal)
  const approvals = await eventsOf('approved', 'merge_request')
  const comments = await eventsOf('commented', 'note')
  const reviews = reviewsOf(approvals, comments, new Set(mergeRequests.map((mr) => `${mr.project_id}!${mr.iid}`)))

  // Which projects are private (or internal: visible to the server's users only), and where approved merge requests live.
  const projectIds = [...new Set([...mergeRequests, ...issues].map((item) => item.project_id).concat(reviews.map((r) => r.projectId)))]
  const projects = new Map<number, Project | null>()
  for (const [index, id] of projectIds.entries()) {
    throwIfCancelled(signal)
    onProgress?.(index, projectIds.length, `Checking which of your ${count(projectIds.length)} projects are private`)
    projects.set(id, await projectOrNull(client, id))
  }
  const privateRepos = new Set<string>()
  const isPrivate = (id: number, path: string): boolean => {
    // A public project shows to anyone: one GitLab will not show (null) is not public.
    const project = projects.get(id)
    const hidden = project === null || (project !== undefined && project.visibility !== undefined && project.visibility !== 'public')
    if (hidden) privateRepos.add(path)
    return hidden
  }

  const items: ImportedFields[] = []
  const push = (fields: ImportedFields | null) => {
    if (fields) items.push(fields)
  }
  for (const mr of mergeRequests) {
    const path = projectPath(mr.references.full)
    isPrivate(mr.project_id, path)
    const host = hostOf(mr.web_url, apiHost)
    push(forgeFields({ kind: 'pull-request', at: mr.created_at, title: mr.title, url: mr.web_url, repo: path, state: states[mr.state], externalKey: `gitlab:${host}:mr:${path.toLowerCase()}!${mr.iid}` }, forgeSources.gitlab))
  }
  let confidential = 0
  for (const issue of issues) {
    const path = projectPath(issue.references.full)
    // A confidential issue in a public project would show its title in any report: left out.
    if (!isPrivate(issue.project_id, path) && issue.confidential) {
      confidential += 1
      continue
    }
    const host = hostOf(issue.web_url, apiHost)
    push(forgeFields({ kind: 'issue', at: issue.created_at, title: issue.title, url: issue.web_url, repo: path, state: states[issue.state], externalKey: `gitlab:${host}:issue:${path.toLowerCase()}#${issue.iid}` }, forgeSources.gitlab))
  }
  noteLeftOut(notes, confidential, (n) => `${n} confidential ${confidential === 1 ? 'issue' : 'issues'} in public projects ${confidential === 1 ? 'was' : 'were'} left out, so no report shows ${confidential === 1 ? 'its title' : 'their titles'}.`)
  let unreachable = 0
  for (const review of reviews) {
    const project = projects.get(review.projectId)
    if (!project) {
      unreachable += 1
      continue
    }
    const path = project.path_with_namespace
    isPrivate(review.projectId, path)
    const key = `gitlab:${hostOf(project.web_url, apiHost)}:review:${path.toLowerCase()}!${review.iid}`
    push(forgeFields({ kind: 'code-review', at: review.at, title: `Review: ${review.title ?? `!${review.iid}`}`, url: `${project.web_url}/-/merge_requests/${review.iid}`, repo: path, state: null, externalKey: key }, forgeSources.gitlab))
  }
  noteLeftOut(notes, unreachable, (n) => `${n} reviews are in projects GitLab no longer shows you; they were left out.`)
  throwIfCancelled(signal)
  onProgress?.(1, 1, `Saving ${count(items.length)} items`)
  return writeForgeImport({ ...store, items, privateRepos, now: options.now(), notes }, options)
}

interface Review {
  projectId: number
  iid: number
  title: string | null
  /** The first approval or comment: the review's day. */
  at: string
}

/**
 * One review per merge request of someone else's the person approved or commented on, dated by
 * the first of those (an approval again after a new push, a reply in a thread: still one review).
 * Comments GitLab writes itself ("added 1 commit") are not the person's.
 */
function reviewsOf(approvals: readonly ReviewEvent[], comments: readonly ReviewEvent[], own: ReadonlySet<string>): Review[] {
  const found = new Map<string, Review>()
  const add = (projectId: number | null, iid: number | null | undefined, title: string | null, at: string) => {
    if (projectId === null || iid === null || iid === undefined || own.has(`${projectId}!${iid}`)) return
    const key = `${projectId}!${iid}`
    const seen = found.get(key)
    if (!seen || at < seen.at) found.set(key, { projectId, iid, title: seen?.title ?? title, at })
  }
  for (const e of approvals) if (e.action_name === 'approved' && e.target_type === 'MergeRequest') add(e.project_id, e.target_iid, e.target_title, e.created_at)
  for (const e of comments) if (e.note?.noteable_type === 'MergeRequest' && e.note.system !== true) add(e.project_id, e.note.noteable_iid, e.target_title, e.created_at)
  return [...found.values()]
}

/** GitLab's `after` is exclusive: the day before `since` keeps that day's approvals. */
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
}

async function projectOrNull(client: ForgeClient, id: number): Promise<Project | null> {
  try {
    return (await client.get(`/projects/${id}`, projectSchema)).data
  } catch (error) {
    // A project gone or out of reach since: its items stay, and it counts as private.
    if (error instanceof DomainError && error.code === 'not-found') return null
    throw error
  }
}
