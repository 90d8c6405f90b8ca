import { startForgeServer, type ForgeAnswer, type ForgeRoute } from './forgeServer'

/** Gitea's paging headers (`Link`, `x-total-count`) for page `page` of `pages`. */
export function giteaPaging(base: string, path: string, query: URLSearchParams, page: number, pages: number, total: number): Record<string, string> {
  const at = (n: number) => {
    const q = new URLSearchParams(query)
    q.set('page', String(n))
    return `${base}${path}?${q.toString()}`
  }
  const links = [...(page < pages ? [`<${at(page + 1)}>; rel="next"`, `<${at(pages)}>; rel="last"`] : []), ...(page > 1 ? [`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`] : [])]
  return { 'x-total-count': String(total), ...(links.length > 0 ? { link: links.join(',') } : {}), 'access-control-expose-headers': 'X-Total-Count, Link' }
}

/**
 * A Forgejo user, octo-dev: three pull requests over two pages (one in a private repository)
 * and an issue. Page 1 can be swapped for a later state.
 */
export function recordedGitea(options: { pullsFirstPage?: string } = {}): ForgeRoute {
  return ({ path, query }, base): ForgeAnswer => {
    if (path === '/user') return { fixture: 'user.json' }
    if (path === '/repos/issues/search') {
      if (query.get('type') === 'issues') return { fixture: 'issues.json', headers: giteaPaging(base, path, query, 1, 1, 1) }
      const page = Number(query.get('page') ?? '1')
      return { fixture: page === 2 ? 'pulls-page2.json' : (options.pullsFirstPage ?? 'pulls-page1.json'), headers: giteaPaging(base, path, query, page, 2, 3) }
    }
    const repo = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path)
    if (repo && ['forgejo/forgejo', 'octo-dev/home-infra', 'Codeberg/pages-server'].includes(`${repo[1]}/${repo[2]}`)) return { fixture: `repo-${repo[1]}-${repo[2]}.json` }
    return { status: 404, fixture: 'error-404.json' }
  }
}

export const startGiteaServer = (route: ForgeRoute = recordedGitea()) => startForgeServer('gitea', route, { prefix: '/api/v1', notFound: { errors: null, message: 'not found' } })
