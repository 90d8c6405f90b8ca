import { z } from 'zod'
import { githubFixture, type Answer, type Route } from './githubServer'
import { seededRandom } from '../../bench/seededRandom'

/**
 * A prolific contributor's history, made up deterministically, and a stand-in for GitHub's
 * issue search over it that behaves as the real one does where the import depends on it:
 * `q` with `is:`, `created:` (days or date-times; ranges, `>=`, `<=`, `*`) and `updated:>=`, `sort`/`order`,
 * `page`/`per_page` (default 30, at most 100), Link headers, a `total_count` that counts
 * everything while only the first 1,000 results can be paged to, and a 422 past them.
 */

/** The fields that vary between items; everything else comes from one recorded item. */
export interface SetItem {
  id: number
  number: number
  repo: string
  title: string
  state: 'open' | 'closed'
  mergedAt: string | null
  createdAt: string
  updatedAt: string
}

const recordedPage = z.object({ items: z.array(z.record(z.string(), z.unknown())).min(1) })
const recordedPullRequest = z.record(z.string(), z.unknown())

/** The first pull request of the recorded search, as GitHub sent it (user, labels, reactions...). */
function recordedShape(): { item: Record<string, unknown>; pullRequest: Record<string, unknown> } {
  const [item] = recordedPage.parse(JSON.parse(githubFixture('search-prs-page1.json'))).items
  if (!item) throw new Error('search-prs-page1.json has no item')
  return { item, pullRequest: recordedPullRequest.parse(item.pull_request) }
}

const shape = recordedShape()

/** The item as the search API sends it. */
function toJson(item: SetItem): Record<string, unknown> {
  const api = `https://api.github.com/repos/${item.repo}/issues/${item.number}`
  const web = `https://github.com/${item.repo}/pull/${item.number}`
  return {
    ...shape.item,
    url: api,
    repository_url: `https://api.github.com/repos/${item.repo}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    timeline_url: `${api}/timeline`,
    html_url: web,
    id: item.id,
    node_id: `PR_kwDO${item.id.toString(36)}`,
    number: item.number,
    title: item.title,
    state: item.state,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    closed_at: item.state === 'closed' ? item.updatedAt : null,
    pull_request: {
      ...shape.pullRequest,
      url: `https://api.github.com/repos/${item.repo}/pulls/${item.number}`,
      html_url: web,
      diff_url: `${web}.diff`,
      patch_url: `${web}.patch`,
      merged_at: item.mergedAt,
    },
  }
}


const repos = ['expressjs/express', 'nodejs/node', 'fastify/fastify', 'nestjs/nest', 'koajs/koa', 'prisma/prisma', 'typeorm/typeorm']
const verbs = ['Fix', 'Document', 'Add', 'Refactor', 'Test', 'Speed up']
const topics = ['async error handling', 'stream backpressure', 'router params', 'keep-alive timeouts', 'JSON body limits', 'graceful shutdown']
const dayMs = 86_400_000

export interface SetOptions {
  count: number
  /** Creation days spread evenly at random over from..to (YYYY-MM-DD, both included). */
  from: string
  to: string
  /** This many more, all created on one day (within one hour of it, UTC, when `hour` is given). */
  crowdedDay?: { day: string; count: number; hour?: number }
  seed?: number
  /** Numbers and ids start here, so two sets can be told apart. */
  firstNumber?: number
}

/** Pull requests by one author, about 70% merged, 15% closed, 15% still open. */
export function generateSearchSet(options: SetOptions): SetItem[] {
  const random = seededRandom(options.seed ?? 20_190_101)
  const from = Date.parse(`${options.from}T00:00:00Z`)
  const days = Math.round((Date.parse(`${options.to}T00:00:00Z`) - from) / dayMs) + 1
  const firstNumber = options.firstNumber ?? 10_000
  const crowded = options.crowdedDay ? Date.parse(`${options.crowdedDay.day}T00:00:00Z`) : 0
  const total = options.count + (options.crowdedDay?.count ?? 0)
  const items: SetItem[] = []
  for (let i = 0; i < total; i++) {
    const hour = options.crowdedDay?.hour
    const start = i < options.count ? from + Math.floor(random() * days) * dayMs : crowded + (hour ?? 0) * 3_600_000
    const created = start + Math.floor(random() * (i >= options.count && hour !== undefined ? 3_600_000 : dayMs))
    const fate = random()
    const settled = created + Math.floor((1 + random() * 20) * dayMs)
    const number = firstNumber + i
    items.push({
      id: 3_000_000_000 + number,
      number,
      repo: repos[i % repos.length] ?? 'expressjs/express',
      title: `${verbs[i % verbs.length] ?? 'Fix'} ${topics[(i * 7) % topics.length] ?? 'a bug'} (#${number})`,
      state: fate < 0.15 ? 'open' : 'closed',
      mergedAt: fate >= 0.3 ? new Date(settled).toISOString().replace('.000', '') : null,
      createdAt: new Date(created).toISOString().replace('.000', ''),
      updatedAt: new Date(fate < 0.15 ? created : settled).toISOString().replace('.000', ''),
    })
  }
  return items
}

/**
 * The instants a `created:`/`updated:` date covers, as GitHub reads them: a day (YYYY-MM-DD) is
 * all of it, a date-time (YYYY-MM-DDTHH:MM:SSZ) is that second.
 */
function span(value: string): { start: number; end: number } {
  if (/^\d{4}-\d\d-\d\d$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`)
    return { start, end: start + 86_400_000 - 1 }
  }
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(value)) {
    const start = Date.parse(value)
    return { start, end: start + 999 }
  }
  throw new Error(`The fake search does not read the date "${value}"`)
}

/** Whether a timestamp meets one `created:`/`updated:` value (a day, a date-time, a range or a comparison). */
function dateMatches(timestamp: string, value: string): boolean {
  const at = Date.parse(timestamp)
  const range = /^([^.]+)\.\.([^.]+)$/.exec(value)
  if (range?.[1] && range[2]) return (range[1] === '*' || at >= span(range[1]).start) && (range[2] === '*' || at <= span(range[2]).end)
  const compared = /^(>=|<=|>|<)?(.+)$/.exec(value)
  if (!compared?.[2]) throw new Error(`The fake search does not read the date "${value}"`)
  const bound = span(compared[2])
  switch (compared[1]) {
    case '>=':
      return at >= bound.start
    case '<=':
      return at <= bound.end
    case '>':
      return at > bound.end
    case '<':
      return at < bound.start
    default:
      return at >= bound.start && at <= bound.end
  }
}

/** The items a query finds, in the order asked for. */
function find(items: readonly SetItem[], query: URLSearchParams): SetItem[] {
  const terms = (query.get('q') ?? '').split(/\s+/).filter(Boolean)
  const found = items.filter((item) =>
    terms.every((term) => {
      if (term.startsWith('created:')) return dateMatches(item.createdAt, term.slice('created:'.length))
      if (term.startsWith('updated:')) return dateMatches(item.updatedAt, term.slice('updated:'.length))
      return true
    }),
  )
  const field = query.get('sort') === 'created' ? 'createdAt' : 'updatedAt'
  const direction = query.get('order') === 'asc' ? 1 : -1
  return found.sort((a, b) => (a[field] < b[field] ? -direction : a[field] > b[field] ? direction : a.id - b.id))
}

const cap = 1000

/** One page of a search over `items`, with GitHub's Link header and its limits. */
export function searchAnswer(items: readonly SetItem[], query: URLSearchParams, base: string): Answer {
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? '30') || 30))
  const page = Math.max(1, Number(query.get('page') ?? '1') || 1)
  const found = find(items, query)
  const lastPage = Math.max(1, Math.ceil(Math.min(found.length, cap) / perPage))
  if ((page - 1) * perPage >= cap) {
    return { status: 422, body: { message: 'Only the first 1000 search results are available', documentation_url: 'https://docs.github.com/v3/search/', status: '422' } }
  }
  const link = (n: number) => {
    const next = new URLSearchParams(query)
    next.set('page', String(n))
    return `<${base}/search/issues?${next.toString()}>`
  }
  const rels = [
    ...(page > 1 ? [`${link(page - 1)}; rel="prev"`] : []),
    ...(page < lastPage ? [`${link(page + 1)}; rel="next"`, `${link(lastPage)}; rel="last"`] : []),
    ...(page > 1 ? [`${link(1)}; rel="first"`] : []),
  ]
  return {
    body: { total_count: found.length, incomplete_results: false, items: found.slice((page - 1) * perPage, page * perPage).map(toJson) },
    ...(rels.length ? { headers: { link: rels.join(', ') } } : {}),
  }
}

/** GitHub for a user whose authored pull requests are `pulls`, with no issues and no reviews. */
export function searchSetRoute(pulls: () => readonly SetItem[]): Route {
  return ({ path, query }, base) => {
    if (path !== '/search/issues') return { status: 404 }
    const q = query.get('q') ?? ''
    const mine = q.includes('is:pr') && /(^|\s)author:/.test(q) && !q.includes('reviewed-by:')
    return searchAnswer(mine ? pulls() : [], query, base)
  }
}
