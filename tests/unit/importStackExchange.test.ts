import { format } from 'date-fns'
import { afterEach, describe, expect, it } from 'vitest'
import { createActivitiesRepository } from '../../electron/core/activities/activitiesRepository'
import { importStackExchange } from '../../electron/core/importers/stackexchange/importStackExchange'
import { listBackups } from '../../electron/core/store/backupFiles'
import { stackExchangeProfile } from '../../shared/domain/sourceImports'
import { apiOf, must as ok, refused } from '../support/api'
import { recordedStackExchange, sourceFixtureObject, startSourcesServer, type SourceRoute } from '../support/sourcesServer'
import { snapshotStore } from '../support/storeSnapshot'
import { openTempCore } from '../support/tempCore'

const now = new Date('2026-06-30T12:00:00Z')
const day = (seconds: number) => format(new Date(seconds * 1000), 'yyyy-MM-dd')

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

async function setup(route: SourceRoute = recordedStackExchange({ backoff: false })) {
  const server = await startSourcesServer(route)
  const core = await openTempCore({ now: () => now, sourceEndpoints: { stackExchangeApiUrl: `${server.url}/2.3` } })
  cleanups.push(() => core.dispose(), () => server.close())
  return { core, api: apiOf(core), server }
}

const input = { site: 'stackoverflow.com', userId: 4242 }
const answers = async (api: ReturnType<typeof apiOf>) =>
  (await ok(api.activities.list({ kinds: ['forum-answer'], sort: 'date-asc' }))).rows.map((r) => ({ date: r.date, title: r.title, repo: r.repo, impact: r.impact, source: r.source, url: r.url }))

describe('imports.stackExchange', () => {
  it('imports every answer over the pages, with its question, link, accepted state and score', async () => {
    const { core, api, server } = await setup()
    const summary = await ok(api.imports.stackExchange(input))
    expect(summary).toEqual({ added: 3, updated: 0, skipped: 0, errors: [] })
    expect(await answers(api)).toEqual([
      { date: day(1704196800), title: 'Why does stream.pipeline not close the "destination" on error?', repo: 'stackoverflow.com', impact: 'Accepted answer, score 42', source: 'stackexchange', url: 'https://stackoverflow.com/questions/77744980/why-does-stream-pipeline-not-close-the-destination/77745001#77745001' },
      { date: day(1709812800), title: "HikariCP 'Connection is not available, request timed out' under load <Spring Boot 3>", repo: 'stackoverflow.com', impact: 'Answer, score 3', source: 'stackexchange', url: 'https://stackoverflow.com/questions/78121001/hikaricp-connection-is-not-available-request-timed-out/78121455#78121455' },
      { date: day(1717236000), title: 'Postgres partial index not used with a parameterized query', repo: 'stackoverflow.com', impact: 'Answer, score -1', source: 'stackexchange', url: 'https://stackoverflow.com/questions/78562990/postgres-partial-index-not-used-with-parameterized-query/78563012#78563012' },
    ])
    // The filter is made once and used for every page; no key, no token, no cookie travels.
    const pages = server.requests.filter((r) => r.path.endsWith('/answers'))
    expect(pages.map((r) => r.query.get('page'))).toEqual(['1', '2'])
    expect(new Set(pages.map((r) => r.query.get('filter')))).toEqual(new Set(['!nNPvSNPI7A']))
    expect(pages.every((r) => r.query.get('site') === 'stackoverflow.com' && r.query.get('pagesize') === '100' && !r.query.has('key'))).toBe(true)
    expect(server.requests.every((r) => r.headers.authorization === undefined && r.headers.cookie === undefined)).toBe(true)
    expect(listBackups(core.dataDir).some((b) => b.reason === 'before-import')).toBe(true)
  })

  it('keeps the accepted state and score up to date on re-import, and leaves an impact the person wrote', async () => {
    const { api, server } = await setup()
    await ok(api.imports.stackExchange(input))
    const third = (await ok(api.activities.list({ kinds: ['forum-answer'], sort: 'date-asc' }))).rows[2]
    if (!third) throw new Error('no third answer')
    await ok(api.activities.update({ id: third.id, impact: 'Fixed a 10x slow query for a team' }))
    server.setRoute(recordedStackExchange({ firstPage: 'stackexchange/answers-page1-later.json' }))
    const summary = await ok(api.imports.stackExchange({ ...input, key: 'U4DMV*8nvpm3EOpvf69Rxw((' }))
    expect(summary).toEqual({ added: 0, updated: 2, skipped: 1, errors: [] })
    expect((await answers(api)).map((a) => a.impact)).toEqual(['Accepted answer, score 57', 'Accepted answer, score 11', 'Fixed a 10x slow query for a team'])
    // The optional key goes with every request.
    expect(server.requests.slice(-3).every((r) => r.query.get('key') === 'U4DMV*8nvpm3EOpvf69Rxw((')).toBe(true)
  })

  it('waits out the backoff the API asks for before calling the same method again', async () => {
    const server = await startSourcesServer(recordedStackExchange())
    const core = await openTempCore({ now: () => now })
    cleanups.push(() => core.dispose(), () => server.close())
    const waits: number[] = []
    const summary = await importStackExchange(core.db, createActivitiesRepository(core.db), {
      ...input,
      apiUrl: `${server.url}/2.3`,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms)
        // The next page is asked only after the wait.
        expect(server.requests.filter((r) => r.query.get('page') === '2')).toHaveLength(0)
      },
    })
    expect(summary.added).toBe(3)
    expect(waits).toEqual([2000])
  })

  it('refuses a backoff longer than it waits, in words, changing nothing', async () => {
    const route: SourceRoute = (request, base) => {
      const answer = recordedStackExchange({ backoff: false })(request, base)
      if (request.path.endsWith('/answers') && request.query.get('page') === '1') {
        const page = sourceFixtureObject('stackexchange/answers-page1.json')
        return { body: JSON.stringify({ ...page, backoff: 600 }) }
      }
      return answer
    }
    const { core, api } = await setup(route)
    const before = snapshotStore(core.db)
    const error = await refused(api.imports.stackExchange(input))
    expect(error.message).toMatch(/asked to wait 600 seconds/)
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('stops before the daily quota runs out and says so, importing nothing', async () => {
    const route: SourceRoute = (request, base) => {
      if (request.path.endsWith('/answers') && request.query.get('page') === '1') {
        const { backoff: _b, ...page } = sourceFixtureObject('stackexchange/answers-page1.json')
        return { body: JSON.stringify({ ...page, quota_remaining: 0 }) }
      }
      return recordedStackExchange({ backoff: false })(request, base)
    }
    const { core, api, server } = await setup(route)
    const before = snapshotStore(core.db)
    const error = await refused(api.imports.stackExchange(input))
    expect(error.message).toMatch(/daily quota .* used up after 2 answers.*Stack Apps key/)
    expect(server.requests.some((r) => r.query.get('page') === '2')).toBe(false)
    expect(snapshotStore(core.db)).toBe(before)
  })

  it.each([
    ['a site it does not know', 'stackexchange/error-no-site.json', /no such site: No site found for name `stackoverfloww`/, 'site'],
    ['a key it refuses', 'stackexchange/error-key.json', /refused the key/, 'key'],
    ['its throttle', 'stackexchange/error-throttle.json', /limiting requests from this computer until about \d{4}-\d\d-\d\d \d\d:\d\d/, undefined],
  ])('answers %s (400 with error_id) in words and changes nothing', async (_what, fixture, message, field) => {
    const { core, api } = await setup(({ path }, base) => (path.endsWith('/answers') ? { status: 400, fixture, gzip: true } : recordedStackExchange({ backoff: false })({ path, query: new URLSearchParams(), headers: {} }, base)))
    const before = snapshotStore(core.db)
    const error = await refused(api.imports.stackExchange(input))
    expect(error.message).toMatch(message)
    expect(error.issues?.[0]?.path).toBe(field)
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('waits out a 429 with Retry-After, then goes on', async () => {
    let throttled = false
    const route: SourceRoute = (request, base) => {
      if (request.path.endsWith('/answers') && !throttled) {
        throttled = true
        return { status: 429, headers: { 'retry-after': '0' }, body: '' }
      }
      return recordedStackExchange({ backoff: false })(request, base)
    }
    const { api, server } = await setup(route)
    expect(await ok(api.imports.stackExchange(input))).toMatchObject({ added: 3 })
    expect(server.requests.filter((r) => r.query.get('page') === '1')).toHaveLength(2)
  })

  it('refuses a malformed answer (not JSON, or items of another shape) and changes nothing', async () => {
    for (const body of ['<html><body>502 Bad Gateway</body></html>', JSON.stringify({ items: [{ answer_id: 'one' }], has_more: false }), '{"items": [']) {
      const { core, api } = await setup((request, base) => (request.path.endsWith('/answers') ? { body } : recordedStackExchange({ backoff: false })(request, base)))
      const before = snapshotStore(core.db)
      const error = await refused(api.imports.stackExchange(input))
      expect(error.code).toBe('unavailable')
      expect(error.message).toMatch(/not JSON|shape this app does not know/)
      expect(snapshotStore(core.db)).toBe(before)
    }
  })

  it('is cancelled while an answer is slow to come, changing nothing', async () => {
    const { core, api, server } = await setup((request, base) => (request.query.get('page') === '2' ? { hang: true } : recordedStackExchange({ backoff: false })(request, base)))
    const before = snapshotStore(core.db)
    const running = api.imports.stackExchange({ ...input, importId: 'se-slow' })
    await expect.poll(() => server.requests.some((r) => r.query.get('page') === '2')).toBe(true)
    expect(await ok(api.imports.progress({ importId: 'se-slow' }))).toMatchObject({ message: 'Read 2 answers from stackoverflow.com', finished: false })
    expect(await ok(api.imports.cancel({ importId: 'se-slow' }))).toEqual({ cancelled: true })
    const error = await refused(running)
    expect(error.code).toBe('cancelled')
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('refuses a site, user id or key that cannot be one before any request', async () => {
    const { api, server } = await setup()
    for (const bad of [{ ...input, site: 'https://stackoverflow.com/' }, { ...input, userId: -3 }, { ...input, userId: 1.5 }, { ...input, key: 'a b' }]) {
      expect((await refused(api.imports.stackExchange(bad))).code).toBe('invalid-input')
    }
    expect(server.requests).toHaveLength(0)
  })

  it('reads the site and user from a profile link', () => {
    expect(stackExchangeProfile('https://stackoverflow.com/users/4242/octo-dev')).toEqual({ site: 'stackoverflow.com', userId: 4242 })
    expect(stackExchangeProfile('https://unix.stackexchange.com/users/99/')).toEqual({ site: 'unix.stackexchange.com', userId: 99 })
    expect(stackExchangeProfile('https://stackoverflow.com/questions/1')).toBeNull()
    expect(stackExchangeProfile('javascript:alert(1)')).toBeNull()
  })
})
