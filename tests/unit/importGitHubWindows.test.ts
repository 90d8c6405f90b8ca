import { afterEach, describe, expect, it } from 'vitest'
import { createActivitiesRepository } from '../../electron/core/activities/activitiesRepository'
import { importGitHub } from '../../electron/core/importers/github/importGitHub'
import { ok, openActivitiesCore, refusal, tableCounts } from '../support/activitySupport'
import { generateSearchSet, searchSetRoute, type SetItem } from '../support/githubSearchSet'
import { startGitHubServer, type GitHubRequest } from '../support/githubServer'

const token = 'ghp_TESTtoken0123456789abcdefghijklmnopqr'
const username = 'octo-dev'
const now = new Date('2027-06-30T12:00:00Z')

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

async function setup(items: SetItem[]) {
  let served = items
  const opened = await openActivitiesCore(() => now)
  const server = await startGitHubServer(searchSetRoute(() => served))
  cleanups.push(() => opened.core.dispose(), () => server.close())
  return {
    ...opened,
    server,
    serve(next: SetItem[]) {
      served = next
    },
  }
}

/** Eight years of pull requests, about 300 a year. */
const prolific = () => generateSearchSet({ count: 2500, from: '2019-01-01', to: '2026-12-31' })

const searches = (requests: readonly GitHubRequest[]) => requests.filter((r) => r.path === '/search/issues')
const prSearches = (requests: readonly GitHubRequest[]) => searches(requests).filter((r) => /^is:pr author:/.test(r.query.get('q') ?? ''))

async function importedUrls(api: Awaited<ReturnType<typeof setup>>['api']): Promise<string[]> {
  const urls: string[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await ok(api.activities.list({ kinds: ['pull-request'], limit: 500, offset }))
    urls.push(...page.rows.map((r) => r.url ?? ''))
    if (page.rows.length < 500) return urls.sort()
  }
}

const webUrl = (item: SetItem) => `https://github.com/${item.repo}/pull/${item.number}`

describe('imports.github past the search cap of 1,000', () => {
  it('imports all 2,500 pull requests exactly once, in a bounded number of requests', async () => {
    const items = prolific()
    const { api, server } = await setup(items)
    const summary = await ok(api.imports.github({ token, username, apiUrl: server.url }))
    expect(summary).toEqual({ added: 2500, updated: 0, skipped: 0, errors: [] })
    expect(await importedUrls(api)).toEqual(items.map(webUrl).sort())

    const prs = prSearches(server.requests)
    // 25 pages of 100 carry 2,500 items, and the plain query that finds 2,500 must be asked
    // first: 26 at the very least. Measured: 29 (two counts of halves expected over 1,000, one
    // more partial last page). 32 leaves that little room; probing every window before reading
    // it, or counting both halves, goes past it.
    expect(prs.length).toBeLessThanOrEqual(32)
    expect(prs.every((r) => ['1', '100'].includes(r.query.get('per_page') ?? ''))).toBe(true)
    // Never a page past the 1,000th result, which GitHub refuses.
    expect(prs.every((r) => Number(r.query.get('page') ?? '1') <= 10)).toBe(true)
    expect(prs[0]?.query.get('q')).toBe('is:pr author:octo-dev')
    expect(searches(server.requests).every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true)
  })

  it('adds nothing on re-import and brings a changed pull request state up to date', async () => {
    const items = prolific()
    const { api, core, server, serve } = await setup(items)
    await ok(api.imports.github({ token, username, apiUrl: server.url }))
    const before = tableCounts(core.db)

    const open = items.find((i) => i.state === 'open')
    if (!open) throw new Error('the set has no open pull request')
    serve(items.map((i) => (i === open ? { ...i, state: 'closed', mergedAt: '2027-06-29T09:00:00Z', updatedAt: '2027-06-29T09:00:00Z' } : i)))
    const summary = await ok(api.imports.github({ token, username, apiUrl: server.url }))
    expect(summary).toEqual({ added: 0, updated: 1, skipped: 2499, errors: [] })
    expect(tableCounts(core.db)).toEqual(before)
    const row = (await ok(api.activities.list({ search: String(open.number), kinds: ['pull-request'] }))).rows.find((r) => r.url === webUrl(open))
    expect(row?.state).toBe('merged')
  })

  it('splits a day over 1,000 by hours and imports every one of its pull requests', async () => {
    const items = generateSearchSet({ count: 300, from: '2023-01-01', to: '2025-12-31', crowdedDay: { day: '2024-03-14', count: 1150 } })
    const { api, server } = await setup(items)
    const summary = await ok(api.imports.github({ token, username, apiUrl: server.url }))
    expect(items.filter((i) => i.createdAt.startsWith('2024-03-14')).length).toBeGreaterThan(1000)
    expect(summary).toEqual({ added: items.length, updated: 0, skipped: 0, errors: [] })
    expect(await importedUrls(api)).toEqual(items.map(webUrl).sort())
    const queries = searches(server.requests).map((r) => r.query.get('q') ?? '')
    // The day, known to be over the cap from its parent's count, is read in hours (both ends included, to the second).
    expect(queries).toContain('is:pr author:octo-dev created:2024-03-14T00:00:00Z..2024-03-14T11:59:59Z')
    expect(searches(server.requests).every((r) => Number(r.query.get('page') ?? '1') <= 10)).toBe(true)
  })

  it('imports what an hour over 1,000 lets it reach and says in words how many it could not', async () => {
    const items = generateSearchSet({ count: 300, from: '2023-01-01', to: '2025-12-31', crowdedDay: { day: '2024-03-14', count: 1150, hour: 13 } })
    const { api, server } = await setup(items)
    const summary = await ok(api.imports.github({ token, username, apiUrl: server.url }))
    const inHour = items.filter((i) => i.createdAt.startsWith('2024-03-14T13')).length
    const missed = inHour - 1000
    expect(summary.added).toBe(items.length - missed)
    expect(summary.errors).toEqual([
      {
        message: `GitHub's search shows at most 1,000 results for one hour: of your ${inHour.toLocaleString('en-US')} pull requests opened on 2024-03-14 between 13:00 and 13:59 UTC, ${missed} could not be imported.`,
      },
    ])
    // Every pull request of the other hours is there: only the crowded hour lost any.
    const urls = new Set(await importedUrls(api))
    expect(items.filter((i) => !i.createdAt.startsWith('2024-03-14T13')).every((i) => urls.has(webUrl(i)))).toBe(true)
    expect(searches(server.requests).some((r) => r.query.get('q')?.includes('created:2024-03-14T13:00:00Z..2024-03-14T13:59:59Z'))).toBe(true)
  })

  it('shows progress by items and, cancelled mid-way, stops asking GitHub and leaves the store as it was', async () => {
    const earlier = generateSearchSet({ count: 40, from: '2018-01-01', to: '2018-12-31', seed: 7, firstNumber: 90_000 })
    const { api, server } = await setup(earlier)
    await ok(api.imports.github({ token, username, apiUrl: server.url }))
    const before = await ok(api.activities.list({ sort: 'date-asc', limit: 500 }))
    const backups = await ok(api.backups.list(undefined))

    // The earlier 40 plus 2,500 more, and one of the earlier ones merged since.
    const changed = earlier.map((i) => (i.state === 'open' ? { ...i, state: 'closed' as const, mergedAt: '2027-06-01T00:00:00Z' } : i))
    const later = [...changed, ...prolific()]
    const seen: string[] = []
    let cancelledAt = -1
    const route = searchSetRoute(() => later)
    server.setRoute((request, base) => {
      if (prSearches(server.requests).length === 12 && cancelledAt < 0) {
        cancelledAt = server.requests.length
        void api.imports.progress({ importId: 'big' }).then((p) => seen.push(p.ok && p.value ? p.value.message : ''))
        void api.imports.cancel({ importId: 'big' })
      }
      return route(request, base)
    })
    const error = await refusal(api.imports.github({ token, username, apiUrl: server.url, importId: 'big' }))
    expect(error).toMatchObject({ code: 'cancelled', message: 'The import was cancelled. Nothing was changed.' })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatch(/^Fetching your pull requests: [1-9][\d,]* of 2,540$/)
    // At most the request already on its way when the cancel came.
    expect(server.requests.length).toBeLessThanOrEqual(cancelledAt + 1)
    expect(await ok(api.activities.list({ sort: 'date-asc', limit: 500 }))).toEqual(before)
    expect(await ok(api.backups.list(undefined))).toEqual(backups)
  })

  it('waits out the search rate limit (30 a minute) and still imports everything', async () => {
    const items = prolific()
    const { core, server } = await setup(items)
    const route = searchSetRoute(() => items)
    let sinceReset = 0
    server.setRoute((request, base) => {
      if (sinceReset === 30) {
        sinceReset = 0
        return { status: 403, body: { message: 'API rate limit exceeded for user ID 5821934.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(now.getTime() / 1000) + 40) } }
      }
      sinceReset += 1
      return route(request, base)
    })
    const waits: number[] = []
    const summary = await importGitHub(core.db, createActivitiesRepository(core.db), {
      username,
      token,
      apiUrl: server.url,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms)
      },
    })
    expect(summary).toEqual({ added: 2500, updated: 0, skipped: 0, errors: [] })
    expect(waits.length).toBeGreaterThan(0)
    expect(waits.every((ms) => ms === 40_000)).toBe(true)
  })
})
