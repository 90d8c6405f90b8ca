import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { repoRoot } from './tempCore'

const fixturesDir = join(repoRoot, 'tests', 'fixtures', 'github')
export const githubFixture = (name: string): string => readFileSync(join(fixturesDir, name), 'utf8')

export interface GitHubRequest {
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
}

export interface Answer {
  status?: number
  headers?: Record<string, string>
  /** A file in tests/fixtures/github. */
  fixture?: string
  /** A JSON answer built on the fly (see githubSearchSet.ts), when no fixture is named. */
  body?: unknown
}

export type Route = (request: GitHubRequest, base: string) => Answer

/**
 * The recorded answers of a user, octo-dev, with three pull requests over two pages, an issue
 * and a review. `prsFirstPage` swaps the first page (e.g. for a later import where the open PR
 * got merged).
 */
export function recordedGitHub(options: { prsFirstPage?: string } = {}): Route {
  return ({ path, query }, base) => {
    if (path === '/search/issues') {
      const q = query.get('q') ?? ''
      if (q.includes('reviewed-by:')) return { fixture: 'search-reviewed.json' }
      if (q.includes('is:issue')) return { fixture: 'search-issues.json' }
      const link = (page: number) => {
        const next = new URLSearchParams(query)
        next.set('page', String(page))
        return `${base}/search/issues?${next.toString()}`
      }
      if (query.get('page') === '2') return { fixture: 'search-prs-page2.json', headers: { link: `<${link(1)}>; rel="prev", <${link(1)}>; rel="first"` } }
      return { fixture: options.prsFirstPage ?? 'search-prs-page1.json', headers: { link: `<${link(2)}>; rel="next", <${link(2)}>; rel="last"` } }
    }
    if (path === '/repos/expressjs/express/pulls/6100/reviews') return { fixture: 'reviews-expressjs-express-6100.json' }
    return { status: 404 }
  }
}

/** A GitHub API stand-in on 127.0.0.1 at a free port, recording every request it gets. */
export async function startGitHubServer(initial: Route) {
  let route = initial
  const requests: GitHubRequest[] = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const request = { path: url.pathname, query: url.searchParams, headers: req.headers }
    requests.push(request)
    const answer = route(request, base)
    const found = answer.fixture !== undefined || answer.body !== undefined
    const body = answer.fixture ? githubFixture(answer.fixture) : found ? JSON.stringify(answer.body) : JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
    res.writeHead(answer.status ?? (found ? 200 : 404), {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '30',
      'x-ratelimit-remaining': '29',
      'x-ratelimit-reset': '1814400000',
      'x-ratelimit-resource': 'search',
      ...answer.headers,
    })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The fake GitHub server has no TCP port')
  const base = `http://127.0.0.1:${address.port}`
  return {
    url: base,
    requests,
    setRoute(next: Route) {
      route = next
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
