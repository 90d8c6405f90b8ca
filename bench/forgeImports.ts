/**
 * Forge imports at the scale of a busy few years: 2,000 items from each forge's API, served
 * by a loopback server in this process in the forge's own paging (GitHub's search windows past
 * its 1,000 cap, GitLab x-next-page, Gitea Link, Bitbucket Cloud `next`, Data Center
 * `nextPageStart`), imported through the core into a
 * fresh store (backup included), then imported again (nothing new: every item read, none written).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contract, createClient, type Api } from '@shared/contract'
import { createCore } from '../electron/core/core'
import { seededRandom } from './seededRandom'
import { generateSearchSet, searchSetRoute } from '../tests/support/githubSearchSet'

const silent = { error: () => {}, warn: () => {}, info: () => {} }

export interface ForgeImportFigure {
  id: string
  label: string
  items: number
  requests: number
  firstMs: number
  againMs: number
  /** CPU time (user + system) of this process over the first import, the loopback server's share included: what the wall time is on an idle machine. */
  firstCpuMs: number
}

type Answer = { body: unknown; headers?: Record<string, string> }
type Route = (path: string, query: URLSearchParams, base: string) => Answer | null

async function serve(route: Route) {
  let requests = 0
  const server = createServer((req, res) => {
    requests += 1
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const answer = route(url.pathname, url.searchParams, base)
    res.writeHead(answer ? 200 : 404, { 'content-type': 'application/json', ...answer?.headers })
    res.end(JSON.stringify(answer ? answer.body : { message: '404 Not found' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The bench forge has no port')
  const base = `http://127.0.0.1:${address.port}`
  return { base, requests: () => requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

const pages = (n: number, per: number) => Math.max(1, Math.ceil(n / per))

function timestamps(n: number, seed: number): string[] {
  const random = seededRandom(seed)
  const from = Date.parse('2023-01-01T00:00:00Z')
  return Array.from({ length: n }, () => new Date(from + Math.floor(random() * 3 * 365 * 86_400_000)).toISOString())
}

const projects = Array.from({ length: 20 }, (_, i) => ({ id: 1000 + i, path: `acme/group-${i % 4}/service-${i}`, visibility: i % 3 === 0 ? 'private' : 'public' }))

function gitlabRoute(count: number): Route {
  const mrs = Math.round(count * 0.5)
  const issues = Math.round(count * 0.4)
  const approvals = count - mrs - issues
  const at = timestamps(count, 5)
  const project = (i: number) => projects[i % projects.length] ?? projects[0]
  const mr = (i: number) => {
    const p = project(i)
    return { id: 500_000 + i, iid: i + 1, project_id: p?.id, title: `Merge request ${i + 1}`, description: '', state: ['merged', 'opened', 'closed'][i % 3], created_at: at[i], updated_at: at[i], web_url: `https://gitlab.example.com/${p?.path}/-/merge_requests/${i + 1}`, references: { short: `!${i + 1}`, relative: `!${i + 1}`, full: `${p?.path}!${i + 1}` }, author: { id: 1, username: 'dev' }, labels: [], draft: false }
  }
  const issue = (i: number) => {
    const p = project(i)
    return { id: 600_000 + i, iid: i + 1, project_id: p?.id, title: `Issue ${i + 1}`, description: '', state: i % 2 ? 'closed' : 'opened', created_at: at[mrs + i], updated_at: at[mrs + i], web_url: `https://gitlab.example.com/${p?.path}/-/issues/${i + 1}`, confidential: false, references: { short: `#${i + 1}`, relative: `#${i + 1}`, full: `${p?.path}#${i + 1}` }, author: { id: 1, username: 'dev' } }
  }
  const event = (i: number) => ({ id: 700_000 + i, project_id: project(i)?.id, action_name: 'approved', target_id: 800_000 + i, target_iid: 10_000 + i, target_type: 'MergeRequest', target_title: `Someone's change ${i}`, created_at: at[mrs + issues + i], author_id: 2 })
  const paged = (n: number, make: (i: number) => unknown, query: URLSearchParams): Answer => {
    const per = Number(query.get('per_page') ?? '20')
    const page = Number(query.get('page') ?? '1')
    const items = Array.from({ length: Math.max(0, Math.min(per, n - (page - 1) * per)) }, (_, k) => make((page - 1) * per + k))
    return { body: items, headers: { 'x-next-page': page < pages(n, per) ? String(page + 1) : '', 'x-total': String(n), 'x-page': String(page), 'x-per-page': String(per) } }
  }
  return (path, query) => {
    if (path === '/api/v4/users') return { body: [{ id: 1, username: 'dev' }] }
    if (path === '/api/v4/merge_requests') return paged(mrs, mr, query)
    if (path === '/api/v4/issues') return paged(issues, issue, query)
    if (path === '/api/v4/users/dev/events') return paged(approvals, event, query)
    const id = Number(/^\/api\/v4\/projects\/(\d+)$/.exec(path)?.[1])
    const p = projects.find((x) => x.id === id)
    return p ? { body: { id: p.id, path_with_namespace: p.path, web_url: `https://gitlab.example.com/${p.path}`, visibility: p.visibility } } : null
  }
}

function giteaRoute(count: number): Route {
  const pulls = Math.round(count * 0.6)
  const at = timestamps(count, 7)
  const repo = (i: number) => `team-${i % 5}/repo-${i % 20}`
  const item = (i: number, pull: boolean) => ({ id: 900_000 + i, number: i + 1, title: `${pull ? 'Pull request' : 'Issue'} ${i + 1}`, html_url: `https://git.example.com/${repo(i)}/${pull ? 'pulls' : 'issues'}/${i + 1}`, state: i % 4 ? 'closed' : 'open', created_at: at[i], updated_at: at[i], pull_request: pull ? { merged: i % 4 === 1, merged_at: null } : null, repository: { id: i % 20, name: `repo-${i % 20}`, owner: `team-${i % 5}`, full_name: repo(i) }, user: { login: 'dev' } })
  return (path, query, base) => {
    if (path === '/api/v1/user') return { body: { id: 1, login: 'dev' } }
    if (path === '/api/v1/repos/issues/search') {
      const pull = query.get('type') === 'pulls'
      const n = pull ? pulls : count - pulls
      const per = Number(query.get('limit') ?? '50')
      const page = Number(query.get('page') ?? '1')
      const offset = pull ? 0 : pulls
      const items = Array.from({ length: Math.max(0, Math.min(per, n - (page - 1) * per)) }, (_, k) => item(offset + (page - 1) * per + k, pull))
      const next = new URLSearchParams(query)
      next.set('page', String(page + 1))
      return { body: items, headers: { 'x-total-count': String(n), ...(page < pages(n, per) ? { link: `<${base}${path}?${next.toString()}>; rel="next"` } : {}) } }
    }
    const m = /^\/api\/v1\/repos\/([^/]+)\/([^/]+)$/.exec(path)
    return m ? { body: { full_name: `${m[1]}/${m[2]}`, private: Number(/\d+$/.exec(m[2] ?? '')?.[0]) % 3 === 0, internal: false } } : null
  }
}

function bitbucketCloudRoute(count: number): Route {
  const at = timestamps(count, 9)
  const repo = (i: number) => `acme/repo-${i % 20}`
  const pr = (i: number) => ({ type: 'pullrequest', id: i + 1, title: `Pull request ${i + 1}`, state: ['MERGED', 'OPEN', 'DECLINED'][i % 3], created_on: at[i], updated_on: at[i], links: { html: { href: `https://bitbucket.org/${repo(i)}/pull-requests/${i + 1}` } }, destination: { repository: { full_name: repo(i), type: 'repository' } }, author: { nickname: 'dev' } })
  return (path, query, base) => {
    if (path === '/2.0/workspaces/acme/pullrequests/dev') {
      const per = Number(query.get('pagelen') ?? '10')
      const page = Number(query.get('page') ?? '1')
      const next = new URLSearchParams(query)
      next.set('page', String(page + 1))
      return { body: { size: count, page, pagelen: per, values: Array.from({ length: Math.max(0, Math.min(per, count - (page - 1) * per)) }, (_, k) => pr((page - 1) * per + k)), ...(page < pages(count, per) ? { next: `${base}${path}?${next.toString()}` } : {}) } }
    }
    const m = /^\/2\.0\/repositories\/acme\/(repo-\d+)$/.exec(path)
    return m ? { body: { full_name: `acme/${m[1]}`, is_private: Number(/\d+$/.exec(m[1] ?? '')?.[0]) % 2 === 0 } } : null
  }
}

function bitbucketDataCenterRoute(count: number): Route {
  const at = timestamps(count, 11).map((t) => Date.parse(t))
  const pr = (i: number) => ({ id: i + 1, title: `Pull request ${i + 1}`, state: ['MERGED', 'OPEN', 'DECLINED'][i % 3], createdDate: at[i], updatedDate: at[i], toRef: { repository: { slug: `repo-${i % 20}`, public: i % 2 === 0, project: { key: 'PAY', public: false } } }, links: { self: [{ href: `https://bitbucket.example.com/projects/PAY/repos/repo-${i % 20}/pull-requests/${i + 1}` }] } })
  return (path, query) => {
    if (path !== '/rest/api/1.0/dashboard/pull-requests') return null
    const limit = Number(query.get('limit') ?? '25')
    const start = Number(query.get('start') ?? '0')
    const values = Array.from({ length: Math.max(0, Math.min(limit, count - start)) }, (_, k) => pr(start + k))
    const last = start + values.length >= count
    return { body: { size: values.length, limit, start, isLastPage: last, nextPageStart: last ? null : start + values.length, values } }
  }
}

interface Source {
  id: string
  label: string
  route: Route
  call: (api: Api, base: string) => ReturnType<Api['imports']['forge']>
}

/** GitHub's search stand-in from the tests (its 1,000-result cap, windows and paging), over 2,000 pull requests. */
function githubRoute(count: number): Route {
  const items = generateSearchSet({ count, from: '2023-01-01', to: '2026-12-31' })
  const route = searchSetRoute(() => items)
  return (path, query, base) => {
    const answer = route({ method: 'GET', path, query, headers: {}, body: '' }, base)
    return answer.body === undefined ? null : { body: answer.body, ...(answer.headers ? { headers: answer.headers } : {}) }
  }
}

const sources = (count: number): Source[] => [
  { id: 'github', label: 'GitHub (pull requests by search windows)', route: githubRoute(count), call: (api, base) => api.imports.github({ username: 'octo-dev', token: 'ghp_bench', apiUrl: base }) },
  { id: 'gitlab', label: 'GitLab (merge requests, issues, reviews)', route: gitlabRoute(count), call: (api, base) => api.imports.forge({ forge: 'gitlab', username: 'dev', token: 'glpat-bench', apiUrl: `${base}/api/v4` }) },
  { id: 'gitea', label: 'Gitea / Forgejo (pull requests, issues)', route: giteaRoute(count), call: (api, base) => api.imports.forge({ forge: 'gitea', token: 'bench', apiUrl: `${base}/api/v1` }) },
  { id: 'bitbucketCloud', label: 'Bitbucket Cloud (pull requests)', route: bitbucketCloudRoute(count), call: (api, base) => api.imports.forge({ forge: 'bitbucket', workspace: 'acme', username: 'dev', token: 'bench', apiUrl: `${base}/2.0` }) },
  { id: 'bitbucketDataCenter', label: 'Bitbucket Data Center (dashboard pull requests)', route: bitbucketDataCenterRoute(count), call: (api, base) => api.imports.forge({ forge: 'bitbucket', token: 'bench', apiUrl: `${base}/rest/api/1.0` }) },
]

/** Each forge's 2,000 items into a fresh store, then again. */
export async function measureForgeImports(options: { contentDir: string; items: number; now: Date }): Promise<ForgeImportFigure[]> {
  const figures: ForgeImportFigure[] = []
  for (const source of sources(options.items)) {
    const dataDir = mkdtempSync(join(tmpdir(), `pathfinder-bench-${source.id}-`))
    const server = await serve(source.route)
    const core = await createCore({ dataDir, contentDir: options.contentDir, now: () => options.now, log: silent })
    try {
      const api: Api = createClient(contract, (name, input) => core.dispatch(name, input))
      let started = performance.now()
      const cpu = process.cpuUsage()
      const first = await source.call(api, server.base)
      const firstMs = performance.now() - started
      const used = process.cpuUsage(cpu)
      if (!first.ok) throw new Error(`${source.label}: ${first.error.message}`)
      const requests = server.requests()
      started = performance.now()
      const again = await source.call(api, server.base)
      const againMs = performance.now() - started
      if (!again.ok || again.value.added !== 0) throw new Error(`${source.label}: the second import was not idempotent`)
      figures.push({ id: source.id, label: source.label, items: first.value.added, requests, firstMs, againMs, firstCpuMs: (used.user + used.system) / 1000 })
    } finally {
      core.close()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return figures
}
