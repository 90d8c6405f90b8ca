import { z } from 'zod'
import { forgeFixture, startForgeServer, type ForgeRequest } from './forgeServer'

export const githubFixture = (name: string): string => forgeFixture('github', name)

export type GitHubRequest = ForgeRequest

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
  return ({ method, path, query, body }, base) => {
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
    if (path === '/graphql' && method === 'POST') {
      const { variables } = graphqlBody.parse(JSON.parse(body))
      const asked = [variables.o0, variables.n0, variables.p0, variables.u]
      return asked.join(' ') === 'expressjs express 6100 octo-dev' && !('o1' in variables) ? { fixture: 'graphql-first-reviews.json' } : { body: { data: null, errors: [{ message: 'Unexpected question' }] } }
    }
    return { status: 404 }
  }
}

/** A GitHub API stand-in on 127.0.0.1 at a free port, recording every request it gets (body included, for GraphQL). */
export async function startGitHubServer(initial: Route) {
  let current = initial
  const server = await startForgeServer('github', (request, base) => current(request, base), {
    headers: {
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': '30',
      'x-ratelimit-remaining': '29',
      'x-ratelimit-reset': '1814400000',
      'x-ratelimit-resource': 'search',
    },
    notFound: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
  })
  return {
    url: server.url,
    requests: server.requests,
    setRoute(next: Route) {
      current = next
    },
    close: server.close,
  }
}

const graphqlBody = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()) })

/**
 * GitHub's GraphQL answer to the import's aliased first-review query: for each alias rN, the
 * review `reviewOf` gives for owner/name#number (or none), as GitHub shapes it.
 */
export function firstReviewsAnswer(body: string, reviewOf: (repo: string, number: number) => { submittedAt: string; url: string } | null): Answer {
  const { variables } = graphqlBody.parse(JSON.parse(body))
  const data: Record<string, unknown> = {}
  for (let i = 0; `o${i}` in variables; i++) {
    const review = reviewOf(`${String(variables[`o${i}`])}/${String(variables[`n${i}`])}`, Number(variables[`p${i}`]))
    data[`r${i}`] = { pullRequest: { reviews: { nodes: review ? [review] : [] } } }
  }
  return { body: { data } }
}
