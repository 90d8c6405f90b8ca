import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createActivitiesRepository } from '../../electron/core/activities/activitiesRepository'
import { importGitHub } from '../../electron/core/importers/github/importGitHub'
import { nextLink } from '../../electron/core/importers/github/linkHeader'
import { ok, openActivitiesCore, refusal, tableCounts } from '../support/activitySupport'
import { firstReviewsAnswer, recordedGitHub, startGitHubServer, type Route } from '../support/githubServer'
import { generateSearchSet, searchAnswer } from '../support/githubSearchSet'

const token = 'ghp_TESTtoken0123456789abcdefghijklmnopqr'
const username = 'octo-dev'
// Fixed so the recorded x-ratelimit-reset values mean something.
const now = new Date('2027-06-30T12:00:00Z')

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

async function setup(route: Route = recordedGitHub()) {
  const opened = await openActivitiesCore(() => now)
  const server = await startGitHubServer(route)
  cleanups.push(() => opened.core.dispose(), () => server.close())
  return { ...opened, server }
}

const byKind = async (api: Awaited<ReturnType<typeof setup>>['api']) =>
  (await ok(api.activities.list({ sort: 'date-asc' }))).rows.map((r) => [r.kind, r.date, r.repo, r.state, r.title])

describe('imports.github', () => {
  it('imports pull requests over every page, issues and reviews, sending the token', async () => {
    const { api, server } = await setup()
    const summary = await ok(api.imports.github({ token, username, apiUrl: server.url }))
    expect(summary).toEqual({ added: 5, updated: 0, skipped: 0, errors: [] })
    expect(await byKind(api)).toEqual([
      ['pull-request', '2027-02-02', 'fastify/fastify', 'closed', 'feat: add onListen hook example'],
      ['issue', '2027-02-25', 'expressjs/express', 'closed', 'Unhandled rejection in async route handler crashes the app'],
      ['pull-request', '2027-03-01', 'expressjs/express', 'merged', 'Fix async error handling in router'],
      ['pull-request', '2027-04-12', 'nodejs/node', 'open', 'stream: document highWaterMark for object mode'],
      // The day of the user's first review, not the day the PR was opened.
      ['code-review', '2027-05-21', 'expressjs/express', null, 'Review: Drop support for Node 16'],
    ])
    const review = (await ok(api.activities.list({ kinds: ['code-review'] }))).rows[0]
    expect(review?.url).toBe('https://github.com/expressjs/express/pull/6100#pullrequestreview-1900000002')
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(Array(server.requests.length).fill(`Bearer ${token}`))
    expect(server.requests.filter((r) => r.query.get('page') === '2')).toHaveLength(1)
    expect(server.requests[0]?.query.get('q')).toBe('is:pr author:octo-dev')
    // With a token, the review's day comes from GraphQL, its values as variables, not from the PR's reviews.
    expect(server.requests.filter((r) => r.path.endsWith('/reviews'))).toEqual([])
    const graphql = server.requests.filter((r) => r.path === '/graphql')
    expect(graphql.map((r) => r.method)).toEqual(['POST'])
    const asked = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()) }).parse(JSON.parse(graphql[0]?.body ?? '{}'))
    expect(asked.query).not.toContain('expressjs')
    expect(asked.variables).toEqual({ o0: 'expressjs', n0: 'express', p0: 6100, u: 'octo-dev' })
  })

  it('reads review days from each PR’s reviews when there is no token (GitHub serves GraphQL to no one else)', async () => {
    const { api, server } = await setup()
    await ok(api.imports.github({ username, apiUrl: server.url }))
    const review = (await ok(api.activities.list({ kinds: ['code-review'] }))).rows[0]
    expect(review?.date).toBe('2027-05-21')
    expect(server.requests.filter((r) => r.path === '/graphql')).toEqual([])
    expect(server.requests.filter((r) => r.path === '/repos/expressjs/express/pulls/6100/reviews')).toHaveLength(1)
  })

  it('asks GraphQL for fifty review days a request, however many reviews there are', async () => {
    const reviewed = generateSearchSet({ count: 120, from: '2026-01-01', to: '2026-12-31', seed: 11, firstNumber: 50_000 })
    const { api, server } = await setup(({ method, path, query, body }, base) => {
      if (path === '/search/issues') return searchAnswer((query.get('q') ?? '').includes('reviewed-by:') ? reviewed : [], query, base)
      if (path === '/graphql' && method === 'POST') {
        return firstReviewsAnswer(body, (repo, number) => ({ submittedAt: '2027-01-15T10:00:00Z', url: `https://github.com/${repo}/pull/${number}#pullrequestreview-${number}` }))
      }
      return { status: 404 }
    })
    const summary = await ok(api.imports.github({ token, username, apiUrl: server.url }))
    expect(summary.added).toBe(120)
    expect(server.requests.filter((r) => r.path === '/graphql')).toHaveLength(3)
    expect(server.requests.filter((r) => r.path.endsWith('/reviews'))).toEqual([])
    const rows = (await ok(api.activities.list({ kinds: ['code-review'], limit: 500 }))).rows
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set(['2027-01-15']))
    expect(rows.every((r) => r.url?.includes('#pullrequestreview-'))).toBe(true)
  })

  it('keeps PR state up to date on re-import and adds nothing twice', async () => {
    const { api, core, server } = await setup()
    await ok(api.imports.github({ token, username, apiUrl: server.url }))
    const before = tableCounts(core.db)
    server.setRoute(recordedGitHub({ prsFirstPage: 'search-prs-page1-later.json' }))
    const requestsBefore = server.requests.length
    const summary = await ok(api.imports.github({ token, username, apiUrl: server.url, since: '2027-01-01' }))
    expect(summary).toEqual({ added: 0, updated: 1, skipped: 4, errors: [] })
    expect(tableCounts(core.db)).toEqual(before)
    const node = (await ok(api.activities.list({ repo: 'nodejs/node' }))).rows[0]
    expect(node?.state).toBe('merged')
    const later = server.requests.slice(requestsBefore)
    expect(later[0]?.query.get('q')).toBe('is:pr author:octo-dev updated:>=2027-01-01')
    // The review is known: its PR's reviews are not fetched again.
    expect(later.some((r) => r.path.endsWith('/reviews'))).toBe(false)
  })

  it('takes over a PR the user logged by hand instead of adding it again', async () => {
    const { api, server } = await setup()
    const mine = await ok(
      api.activities.create({
        kind: 'pull-request',
        date: '2027-03-01',
        title: 'My Express fix',
        url: 'https://github.com/expressjs/express/pull/6001',
        repo: 'expressjs/express',
        state: 'open',
        skillIds: ['skill.javascript'],
      }),
    )
    const summary = await ok(api.imports.github({ token, username, apiUrl: server.url }))
    expect(summary).toMatchObject({ added: 4, updated: 1 })
    const after = await ok(api.activities.get({ id: mine.id }))
    expect(after).toMatchObject({ title: 'My Express fix', state: 'merged', externalKey: 'github:pr:expressjs/express#6001', source: 'manual' })
    expect(after.skills.map((s) => s.id)).toEqual(['skill.javascript'])
  })

  it('says GitHub rejected the token, and changes nothing even after pages were read', async () => {
    const { api, core, server } = await setup()
    await ok(api.activities.create({ kind: 'learning', date: '2027-06-01', title: 'Already here' }))
    const before = tableCounts(core.db)
    const recorded = recordedGitHub()
    server.setRoute((request, base) => (request.query.get('page') === '2' ? { status: 401, fixture: 'error-401.json' } : recorded(request, base)))
    const error = await refusal(api.imports.github({ token, username, apiUrl: server.url }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(/^GitHub rejected the token/)
    expect(error.message).not.toContain(token)
    expect(tableCounts(core.db)).toEqual(before)
  })

  it('reports a rate limit that lifts too late, with the time, and changes nothing', async () => {
    const { api, core, server } = await setup(() => ({
      status: 403,
      fixture: 'error-403-rate-limit.json',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(now.getTime() / 1000) + 3600) },
    }))
    const before = tableCounts(core.db)
    const error = await refusal(api.imports.github({ username, apiUrl: server.url }))
    expect(error.code).toBe('unavailable')
    expect(error.message).toMatch(/rate limit is used up until about \d\d:\d\d/)
    expect(error.message).toMatch(/A personal access token raises the limit/)
    expect(server.requests[0]?.headers.authorization).toBeUndefined()
    expect(tableCounts(core.db)).toEqual(before)
  })

  it('waits out a short rate limit (retry-after or reset) and carries on', async () => {
    const { core, server } = await setup()
    const recorded = recordedGitHub()
    let limited = 0
    server.setRoute((request, base) => {
      if (request.query.get('page') === '2' && limited === 0) {
        limited += 1
        return { status: 429, fixture: 'error-429-secondary.json', headers: { 'retry-after': '30' } }
      }
      if (request.path === '/graphql' && limited === 1) {
        limited += 1
        return {
          status: 403,
          fixture: 'error-403-rate-limit.json',
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(now.getTime() / 1000) + 45) },
        }
      }
      return recorded(request, base)
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
    expect(waits).toEqual([30_000, 45_000])
    expect(summary.added).toBe(5)
  })

  it('says when GitHub cannot be reached', async () => {
    const { api, server } = await setup()
    const url = server.url
    await server.close()
    const error = await refusal(api.imports.github({ username, apiUrl: url }))
    expect(error.code).toBe('unavailable')
    expect(error.message).toMatch(/^Could not reach GitHub at 127\.0\.0\.1:\d+/)
  })

  it('never follows a next link to another server (the token would go with it)', async () => {
    const { api, core, server } = await setup()
    const recorded = recordedGitHub()
    server.setRoute((request, base) => {
      const answer = recorded(request, base)
      return request.query.get('q')?.startsWith('is:pr author') ? { ...answer, headers: { link: '<https://evil.example.com/steal>; rel="next"' } } : answer
    })
    const error = await refusal(api.imports.github({ token, username, apiUrl: server.url }))
    expect(error.message).toMatch(/another server/)
    expect(tableCounts(core.db)).toEqual({ activity: 0, activity_skill: 0 })
  })

  it('keeps the token out of the database and the log', async () => {
    const logged: string[] = []
    const record = (...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack ?? ''}` : JSON.stringify(a))).join(' '))
    }
    const { openTempCore } = await import('../support/tempCore')
    const core = await openTempCore({ now: () => now, log: { error: record, warn: record, info: record } })
    const server = await startGitHubServer(recordedGitHub())
    cleanups.push(() => core.dispose(), () => server.close())
    const result = await core.dispatch('imports.github', { token, username, apiUrl: server.url })
    expect(result.ok).toBe(true)
    await core.dispatch('imports.github', { token, username, apiUrl: 'http://127.0.0.1:1' })
    core.db.pragma('wal_checkpoint(TRUNCATE)')
    for (const file of readdirSync(core.dataDir, { recursive: true, encoding: 'utf8' })) {
      if (/\.sqlite(-wal|-shm)?$/.test(file)) expect(readFileSync(join(core.dataDir, file)).includes(token), file).toBe(false)
    }
    expect(logged.join('\n')).not.toContain(token)
  })

  it('refuses a username GitHub would not accept', async () => {
    const { api } = await setup()
    expect((await refusal(api.imports.github({ username: 'bad user;rm', apiUrl: 'http://127.0.0.1:1' }))).message).toMatch(/not a GitHub username/)
    expect((await refusal(api.imports.github({ username, apiUrl: 'file:///etc/passwd' }))).message).toMatch(/http:\/\/ or https:\/\//)
  })
})

describe('Link header', () => {
  it('finds rel="next" among others', () => {
    expect(nextLink('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"')).toBe('https://api.github.com/x?page=2')
    expect(nextLink('<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=1>; rel="first"')).toBeNull()
    expect(nextLink(null)).toBeNull()
  })
})
