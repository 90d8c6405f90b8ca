import type { ActivityState, ImportIssue, ImportSummary } from '@shared/domain/activities'
import { isBitbucketDataCenter } from '@shared/domain/forges'
import type { ImportedFields } from '../../activities/activityRow'
import { DomainError } from '../../ipc/domainError'
import { throwIfCancelled } from '../importRun'
import { createForgeClient, type ForgeClient } from '../forge/forgeClient'
import { forgeFields, forgeSources, hostOf } from '../forge/forgeFields'
import { count, passThrough, type ForgeImportOptions, type ForgeStore } from '../forge/forgeImport'
import { writeForgeImport } from '../forge/forgeWrite'
import { cloudPageSchema, cloudRepositorySchema, dataCenterPageSchema, type CloudPullRequest, type DataCenterPullRequest } from './bitbucketSchemas'

export interface BitbucketImportOptions extends ForgeImportOptions {
  /** Cloud only: the workspace whose pull requests are read. */
  workspace?: string | undefined
  /** Cloud only: the author, by username or `{account uuid}`. */
  username?: string | undefined
}

const states: Record<CloudPullRequest['state'], ActivityState> = { OPEN: 'open', MERGED: 'merged', DECLINED: 'closed', SUPERSEDED: 'closed' }

/**
 * `user:secret` (an app password, or an API token with its account's email) goes as Basic, as
 * Bitbucket wants it; anything else (an access token) as Bearer.
 */
function authorization(token: string | undefined): string | undefined {
  if (!token) return undefined
  return token.includes(':') ? `Basic ${Buffer.from(token, 'utf8').toString('base64')}` : `Bearer ${token}`
}

const updatedSince = (since: string | undefined) => (at: number): boolean => since === undefined || at >= Date.parse(`${since}T00:00:00Z`)

/**
 * Imports the person's pull requests from Bitbucket: in one workspace on Cloud (2.0 API), or
 * their dashboard's on a Data Center server, when the API address is its `/rest/api/1.0` root.
 * All is read before anything is written, in one transaction; a re-import keeps each pull
 * request's state up to date.
 */
export async function importBitbucket(store: ForgeStore, options: BitbucketImportOptions): Promise<ImportSummary> {
  const client = createForgeClient({ forge: 'Bitbucket', apiUrl: options.apiUrl, authorization: authorization(options.token), ...passThrough(options) })
  const notes: ImportIssue[] = []
  const read = isBitbucketDataCenter(options.apiUrl) ? await readDataCenter(client, options) : await readCloud(client, options)
  throwIfCancelled(options.signal)
  options.onProgress?.(1, 1, `Saving ${count(read.items.length)} pull requests`)
  return writeForgeImport({ ...store, items: read.items, privateRepos: read.privateRepos, now: options.now(), notes }, options)
}

interface Read {
  items: ImportedFields[]
  privateRepos: Set<string>
}

async function readCloud(client: ForgeClient, options: BitbucketImportOptions): Promise<Read> {
  const { workspace, username, signal, onProgress } = options
  if (!workspace || !username) {
    throw new DomainError('invalid-input', 'Bitbucket Cloud lists pull requests per workspace: give the workspace and your username (or account id).', [
      ...(workspace ? [] : [{ path: 'workspace', message: 'Give the workspace' }]),
      ...(username ? [] : [{ path: 'username', message: 'Give your Bitbucket username' }]),
    ])
  }
  const apiHost = new URL(options.apiUrl).host
  const params = new URLSearchParams([['state', 'OPEN'], ['state', 'MERGED'], ['state', 'DECLINED'], ['state', 'SUPERSEDED'], ['pagelen', '50']])
  const first = `/workspaces/${encodeURIComponent(workspace)}/pullrequests/${encodeURIComponent(username)}?${params.toString()}`
  const keep = updatedSince(options.since)
  const found = new Map<number | string, CloudPullRequest>()
  onProgress?.(0, 0, 'Fetching your pull requests')
  for await (const page of client.pages(first, cloudPageSchema, (answer) => answer.data.next ?? null)) {
    throwIfCancelled(signal)
    for (const pr of page.data.values) if (keep(Date.parse(pr.updated_on))) found.set(`${pr.destination.repository.full_name}#${pr.id}`, pr)
    const total = page.data.size ?? found.size
    onProgress?.(found.size, Math.max(total, found.size), `Fetching your pull requests: ${count(found.size)} of ${count(Math.max(total, found.size))}`)
  }

  const privateRepos = new Set<string>()
  const repos = [...new Set([...found.values()].map((pr) => pr.destination.repository.full_name))]
  for (const [index, fullName] of repos.entries()) {
    throwIfCancelled(signal)
    onProgress?.(index, repos.length, `Checking which of your ${count(repos.length)} repositories are private`)
    const [owner, slug] = fullName.split('/')
    if (!owner || !slug) continue
    try {
      if ((await client.get(`/repositories/${encodeURIComponent(owner)}/${encodeURIComponent(slug)}`, cloudRepositorySchema)).data.is_private) privateRepos.add(fullName)
    } catch (error) {
      // One the token can no longer see is not a public one.
      if (!(error instanceof DomainError && error.code === 'not-found')) throw error
      privateRepos.add(fullName)
    }
  }

  const items: ImportedFields[] = []
  for (const pr of found.values()) {
    const repo = pr.destination.repository.full_name
    const url = pr.links.html?.href
    const fields = forgeFields({ kind: 'pull-request', at: pr.created_on, title: pr.title, url, repo, state: states[pr.state], externalKey: `bitbucket:${hostOf(url, apiHost)}:pr:${repo.toLowerCase()}#${pr.id}` }, forgeSources.bitbucket)
    if (fields) items.push(fields)
  }
  return { items, privateRepos }
}

async function readDataCenter(client: ForgeClient, options: BitbucketImportOptions): Promise<Read> {
  const { signal, onProgress } = options
  if (!options.token) {
    throw new DomainError('invalid-input', 'Bitbucket Data Center shows "your" pull requests to the token\'s user: give an HTTP access token with read access.', [
      { path: 'token', message: 'A token is needed for Bitbucket Data Center' },
    ])
  }
  const apiHost = new URL(options.apiUrl).host
  const keep = updatedSince(options.since)
  const pageOf = (start: number) => `/dashboard/pull-requests?${new URLSearchParams({ role: 'AUTHOR', state: 'ALL', order: 'OLDEST', start: String(start), limit: '100' }).toString()}`
  const found = new Map<string, DataCenterPullRequest>()
  onProgress?.(0, 0, 'Fetching your pull requests')
  for await (const page of client.pages(pageOf(0), dataCenterPageSchema, (answer) => (answer.data.isLastPage || answer.data.nextPageStart == null ? null : pageOf(answer.data.nextPageStart)))) {
    throwIfCancelled(signal)
    for (const pr of page.data.values) {
      const { repository } = pr.toRef
      if (keep(pr.updatedDate)) found.set(`${repository.project.key}/${repository.slug}#${pr.id}`, pr)
    }
    onProgress?.(found.size, found.size, `Fetching your pull requests: ${count(found.size)}`)
  }

  const privateRepos = new Set<string>()
  const items: ImportedFields[] = []
  for (const pr of found.values()) {
    const { repository } = pr.toRef
    const repo = `${repository.project.key}/${repository.slug}`
    // A Data Center repository is public only when it, or its whole project, was made so.
    if (!(repository.public === true || repository.project.public === true)) privateRepos.add(repo)
    const url = pr.links?.self?.[0]?.href
    const fields = forgeFields({ kind: 'pull-request', at: pr.createdDate, title: pr.title, url, repo, state: states[pr.state], externalKey: `bitbucket:${hostOf(url, apiHost)}:pr:${repo.toLowerCase()}#${pr.id}` }, forgeSources.bitbucket)
    if (fields) items.push(fields)
  }
  return { items, privateRepos }
}
