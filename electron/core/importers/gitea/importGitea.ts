import type { ImportIssue, ImportSummary } from '@shared/domain/activities'
import type { ImportedFields } from '../../activities/activityRow'
import { DomainError } from '../../ipc/domainError'
import { throwIfCancelled } from '../importRun'
import { createForgeClient, type ForgeClient } from '../forge/forgeClient'
import { forgeFields, forgeSources, hostOf } from '../forge/forgeFields'
import { count, passThrough, type ForgeImportOptions, type ForgeStore } from '../forge/forgeImport'
import { writeForgeImport } from '../forge/forgeWrite'
import { nextLink } from '../github/linkHeader'
import { giteaIssuesSchema, giteaRepositorySchema, giteaUserSchema, type GiteaIssue } from './giteaSchemas'

/** Gitea's default MAX_RESPONSE_ITEMS: asking for more gets this many anyway. */
const perPage = 50

async function searchMine(client: ForgeClient, type: 'pulls' | 'issues', since: string | undefined, progress: (fetched: number, total: number) => void, signal: AbortSignal | undefined): Promise<GiteaIssue[]> {
  const params = new URLSearchParams({ type, created: 'true', state: 'all', limit: String(perPage), page: '1' })
  if (since) params.set('since', `${since}T00:00:00Z`)
  const found = new Map<number, GiteaIssue>()
  for await (const page of client.pages(`/repos/issues/search?${params.toString()}`, giteaIssuesSchema, (answer) => nextLink(answer.headers.get('link')))) {
    throwIfCancelled(signal)
    // By id: an item opened while the pages are read can push one already read onto the next page.
    for (const item of page.data) found.set(item.id, item)
    const total = Number(page.headers.get('x-total-count') ?? '')
    progress(found.size, Number.isInteger(total) && total >= found.size ? total : found.size)
  }
  return [...found.values()]
}

/**
 * Imports from a Gitea or Forgejo server (API v1) the pull requests and issues the token's user
 * opened, in every repository they can see. The search's `created` filter means "by you", so a
 * token is needed. All is read before anything is written, in one transaction; a re-import
 * keeps each pull request's state up to date.
 */
export async function importGitea(store: ForgeStore, options: ForgeImportOptions): Promise<ImportSummary> {
  const { onProgress, signal } = options
  if (!options.token) {
    throw new DomainError('invalid-input', 'Gitea and Forgejo find "your" pull requests by the token: give an access token (read access to issues and repositories is enough).', [
      { path: 'token', message: 'A token is needed for Gitea and Forgejo' },
    ])
  }
  const client = createForgeClient({ forge: 'Gitea', apiUrl: options.apiUrl, authorization: `token ${options.token}`, ...passThrough(options) })
  const apiHost = new URL(options.apiUrl).host
  const notes: ImportIssue[] = []
  const phase = (what: string) => (fetched: number, total: number) => onProgress?.(fetched, total, `Fetching your ${what}: ${count(fetched)} of ${count(total)}`)

  onProgress?.(0, 0, 'Checking the token')
  await client.get('/user', giteaUserSchema)
  onProgress?.(0, 0, 'Fetching your pull requests')
  const pulls = await searchMine(client, 'pulls', options.since, phase('pull requests'), signal)
  onProgress?.(0, 0, 'Fetching your issues')
  const issues = await searchMine(client, 'issues', options.since, phase('issues'), signal)

  const repos = [...new Set([...pulls, ...issues].map((item) => item.repository.full_name))]
  const privateRepos = new Set<string>()
  for (const [index, fullName] of repos.entries()) {
    throwIfCancelled(signal)
    onProgress?.(index, repos.length, `Checking which of your ${count(repos.length)} repositories are private`)
    const [owner, name] = fullName.split('/')
    if (!owner || !name) continue
    try {
      const { data } = await client.get(`/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`, giteaRepositorySchema)
      if (data.private || data.internal) privateRepos.add(fullName)
    } catch (error) {
      // A repository the token can no longer see is not a public one.
      if (!(error instanceof DomainError && error.code === 'not-found')) throw error
      privateRepos.add(fullName)
    }
  }

  const items: ImportedFields[] = []
  const add = (item: GiteaIssue, kind: 'pull-request' | 'issue') => {
    const repo = item.repository.full_name
    const merged = kind === 'pull-request' && (item.pull_request?.merged === true || Boolean(item.pull_request?.merged_at))
    const fields = forgeFields(
      {
        kind,
        at: item.created_at,
        title: item.title,
        url: item.html_url,
        repo,
        state: merged ? 'merged' : item.state,
        externalKey: `gitea:${hostOf(item.html_url, apiHost)}:${kind === 'pull-request' ? 'pr' : 'issue'}:${repo.toLowerCase()}#${item.number}`,
      },
      forgeSources.gitea,
    )
    if (fields) items.push(fields)
  }
  for (const pull of pulls) add(pull, 'pull-request')
  for (const issue of issues) add(issue, 'issue')
  throwIfCancelled(signal)
  onProgress?.(1, 1, `Saving ${count(items.length)} items`)
  return writeForgeImport({ ...store, items, privateRepos, now: options.now(), notes }, options)
}
