import { startForgeServer, type ForgeAnswer, type ForgeRoute } from './forgeServer'

/** Headers every gitlab.com answer carries (docs.gitlab.com/user/gitlab_com/#rate-limits-on-gitlabcom). */
const gitlabHeaders = { 'ratelimit-limit': '2000', 'ratelimit-observed': '3', 'ratelimit-remaining': '1997', 'ratelimit-reset': '1814400060', 'x-request-id': '01J0000000000000000000000' }

/** GitLab's paging headers for page `page` of `pages`, `per` items each (docs.gitlab.com/api/rest/#pagination). */
export function gitlabPaging(base: string, path: string, query: URLSearchParams, page: number, pages: number, total: number | null): Record<string, string> {
  const at = (n: number) => {
    const q = new URLSearchParams(query)
    q.set('page', String(n))
    return `${base}${path}?${q.toString()}`
  }
  const links = [...(page < pages ? [`<${at(page + 1)}>; rel="next"`] : []), `<${at(1)}>; rel="first"`, ...(total === null ? [] : [`<${at(pages)}>; rel="last"`])]
  return {
    'x-page': String(page),
    'x-per-page': query.get('per_page') ?? '20',
    'x-next-page': page < pages ? String(page + 1) : '',
    'x-prev-page': page > 1 ? String(page - 1) : '',
    // Past 10,000 items GitLab leaves out the totals and the last link.
    ...(total === null ? {} : { 'x-total': String(total), 'x-total-pages': String(pages) }),
    link: links.join(', '),
  }
}

/**
 * The recorded answers of a GitLab user, octo-dev: three merge requests over two pages (one
 * in a private project), three issues (one confidential), approvals of two merge requests and
 * comments: on their own merge request, on one they approved, and on one they only commented on.
 */
export function recordedGitLab(options: { mergeRequestsFirstPage?: string } = {}): ForgeRoute {
  return ({ path, query }, base): ForgeAnswer => {
    if (path === '/users') return { fixture: query.get('username')?.toLowerCase() === 'octo-dev' ? 'users-octo-dev.json' : 'users-none.json' }
    if (path === '/merge_requests') {
      const page = Number(query.get('page') ?? '1')
      const fixture = page === 2 ? 'merge-requests-page2.json' : (options.mergeRequestsFirstPage ?? 'merge-requests-page1.json')
      return { fixture, headers: gitlabPaging(base, path, query, page, 2, 3) }
    }
    if (path === '/issues') return { fixture: 'issues.json', headers: gitlabPaging(base, path, query, 1, 1, 3) }
    if (path === '/users/octo-dev/events') {
      return query.get('action') === 'commented'
        ? { fixture: 'events-commented.json', headers: gitlabPaging(base, path, query, 1, 1, 5) }
        : { fixture: 'events-approved.json', headers: gitlabPaging(base, path, query, 1, 1, 3) }
    }
    const project = /^\/projects\/(\d+)$/.exec(path)?.[1]
    if (project && ['278964', '91000', '13083', '4455'].includes(project)) return { fixture: `project-${project}.json` }
    if (project) return { status: 404, fixture: 'error-404-project.json' }
    return { status: 404, body: { message: '404 Not found' } }
  }
}

export const startGitLabServer = (route: ForgeRoute = recordedGitLab()) =>
  startForgeServer('gitlab', route, { prefix: '/api/v4', headers: gitlabHeaders, notFound: { message: '404 Not found' } })
