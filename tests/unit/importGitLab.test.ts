import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { memorySecretStore } from '../../electron/core/host/hostServices'
import { createActivitiesRepository } from '../../electron/core/activities/activitiesRepository'
import { createSettingsRepository } from '../../electron/core/settings/settingsRepository'
import { importGitLab } from '../../electron/core/importers/gitlab/importGitLab'
import { ok, refusal, tableCounts } from '../support/activitySupport'
import { apiOf } from '../support/api'
import { gate, startForgeServer, type ForgeRoute } from '../support/forgeServer'
import { gitlabPaging, recordedGitLab, startGitLabServer } from '../support/gitlabServer'
import { openTempCore } from '../support/tempCore'

const token = 'glpat-TESTtoken0123456789abcd'
const username = 'octo-dev'
const now = new Date('2027-06-30T12:00:00Z')

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

async function setup(route: ForgeRoute = recordedGitLab()) {
  const secrets = memorySecretStore()
  const core = await openTempCore({ now: () => now, host: { kind: 'browser', secrets } })
  const server = await startGitLabServer(route)
  cleanups.push(() => core.dispose(), () => server.close())
  const api = apiOf(core)
  const kept = async () => {
    const raw = await secrets.get('gitlab.tokens')
    return raw === undefined ? {} : z.record(z.string(), z.string()).parse(JSON.parse(raw))
  }
  /** Everything an import may touch: the activities and the private-repository list. */
  const stored = async () => ({ ...tableCounts(core.db), private: await ok(api.reports.privateRepositories(undefined)) })
  return { core, api, server, kept, stored }
}

const rows = async (api: ReturnType<typeof apiOf>) =>
  (await ok(api.activities.list({ sort: 'date-asc' }))).rows.map((r) => [r.kind, r.date, r.repo, r.state, r.title, r.externalKey])

describe('imports.forge from GitLab', () => {
  it('imports merge requests over every page, issues and approvals, with the token on every request, and marks private projects', async () => {
    const { api, server, kept } = await setup()
    const summary = await ok(api.imports.forge({ forge: 'gitlab', username, token, apiUrl: server.url }))
    expect(summary.added).toBe(8)
    expect(await rows(api)).toEqual([
      ['issue', '2027-01-20', 'gitlab-org/gitlab-runner', 'closed', 'Artifact upload fails silently behind a proxy', 'gitlab:gitlab.com:issue:gitlab-org/gitlab-runner#3301'],
      ['pull-request', '2027-02-03', 'gitlab-org/gitlab-runner', 'merged', 'Retry artifact uploads on 502 from object storage', 'gitlab:gitlab.com:mr:gitlab-org/gitlab-runner!41'],
      ['issue', '2027-03-01', 'acme-corp/billing/ledger-service', 'open', 'Reconcile ledger nightly', 'gitlab:gitlab.com:issue:acme-corp/billing/ledger-service#15'],
      ['pull-request', '2027-03-15', 'acme-corp/billing/ledger-service', 'open', 'Idempotency keys for payment webhooks', 'gitlab:gitlab.com:mr:acme-corp/billing/ledger-service!7'],
      ['pull-request', '2027-04-02', 'gitlab-org/gitaly', 'closed', 'Document the pack-objects cache limits', 'gitlab:gitlab.com:mr:gitlab-org/gitaly!1288'],
      // The first approval's day; approved again after a push, still one review.
      ['code-review', '2027-05-20', 'gitlab-org/gitaly', null, 'Review: Speed up git-upload-pack with bitmap index', 'gitlab:gitlab.com:review:gitlab-org/gitaly!1301'],
      ['code-review', '2027-06-01', 'acme-corp/platform/job-router', null, 'Review: Add OpenTelemetry spans to the job router', 'gitlab:gitlab.com:review:acme-corp/platform/job-router!88'],
      // Comments alone make a review too, dated by the first; comments on their own merge request and GitLab's own notes do not.
      ['code-review', '2027-06-10', 'gitlab-org/gitaly', null, 'Review: Cache ref lookups in the blob endpoint', 'gitlab:gitlab.com:review:gitlab-org/gitaly!1400'],
    ])
    // Stored as GitLab work, not as git or GitHub work.
    const listed = await ok(api.activities.list({ sort: 'date-asc', limit: 20 }))
    expect(new Set(listed.rows.map((a) => a.source))).toEqual(new Set(['gitlab']))
    expect(summary.errors.map((e) => e.message)).toEqual([
      '1 confidential issue in public projects was left out, so no report shows its title.',
      '2 private repositories were added to the list that reports can leave out (Reports > Private repositories).',
    ])
    // The private project and the internal one (visible to the server's users only).
    expect(await ok(api.reports.privateRepositories(undefined))).toEqual(['acme-corp/billing/ledger-service', 'acme-corp/platform/job-router'])
    expect(new Set(server.requests.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${token}`]))
    const pages = server.requests.filter((r) => r.path === '/merge_requests').map((r) => r.query.get('page'))
    expect(pages).toEqual([null, '2'])
    expect(server.requests.find((r) => r.path === '/merge_requests')?.query.get('author_username')).toBe(username)
    expect(await kept()).toEqual({ [server.origin]: token })
  })

  it('keeps merge request state up to date on re-import, adds nothing twice, and leaves a repository the person took off the private list off it', async () => {
    const { api, core, server } = await setup()
    await ok(api.imports.forge({ forge: 'gitlab', username, token, apiUrl: server.url }))
    await ok(api.reports.setPrivateRepositories({ repositories: ['acme-corp/platform/job-router'] }))
    const before = tableCounts(core.db)
    server.setRoute(recordedGitLab({ mergeRequestsFirstPage: 'merge-requests-page1-later.json' }))
    const summary = await ok(api.imports.forge({ forge: 'gitlab', username, apiUrl: server.url, since: '2027-01-01' }))
    expect(summary).toMatchObject({ added: 0, updated: 1, skipped: 7 })
    expect(tableCounts(core.db)).toEqual(before)
    const ledger = (await ok(api.activities.list({ kinds: ['pull-request'], repo: 'acme-corp/billing/ledger-service' }))).rows[0]
    expect(ledger?.state).toBe('merged')
    expect(await ok(api.reports.privateRepositories(undefined))).toEqual(['acme-corp/platform/job-router'])
    // The kept token went along, and the day reached GitLab as its own filters.
    const last = server.requests.filter((r) => r.path === '/merge_requests').at(-1)
    expect(last?.headers.authorization).toBe(`Bearer ${token}`)
    expect(last?.query.get('updated_after')).toBe('2027-01-01T00:00:00Z')
    expect(server.requests.filter((r) => r.path.endsWith('/events')).map((r) => [r.query.get('action'), r.query.get('after')]).slice(-2)).toEqual([['approved', '2026-12-31'], ['commented', '2026-12-31']])
  })

  it('says GitLab rejected the token, changes nothing even after pages were read, and does not keep it', async () => {
    const { api, server, stored, kept } = await setup()
    await ok(api.activities.create({ kind: 'learning', date: '2027-06-01', title: 'Already here' }))
    const before = await stored()
    const recorded = recordedGitLab()
    server.setRoute((request, base) => (request.path === '/issues' ? { status: 401, fixture: 'error-401.json' } : recorded(request, base)))
    const error = await refusal(api.imports.forge({ forge: 'gitlab', username, token, apiUrl: server.url }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(/^GitLab rejected the token/)
    expect(error.issues).toEqual([{ path: 'token', message: 'GitLab rejected the token' }])
    expect(error.message).not.toContain(token)
    expect(await stored()).toEqual(before)
    expect(await kept()).toEqual({})
  })

  it('says which user GitLab does not know, beside the username', async () => {
    const { api, server, stored } = await setup()
    const before = await stored()
    const error = await refusal(api.imports.forge({ forge: 'gitlab', username: 'nobody-here', apiUrl: server.url }))
    expect(error.code).toBe('not-found')
    expect(error.message).toMatch(/^GitLab has no user nobody-here at 127\.0\.0\.1:\d+/)
    expect(error.issues?.[0]?.path).toBe('username')
    expect(await stored()).toEqual(before)
  })

  it('says a 404 for the API address in words', async () => {
    const { api, server } = await setup(() => ({ status: 404, body: { message: '404 Not found' } }))
    const error = await refusal(api.imports.forge({ forge: 'gitlab', username, apiUrl: `${server.origin}/gitlab/api/v4` }))
    expect(error.code).toBe('not-found')
    expect(error.message).toBe('GitLab has no such user, workspace or address: 404 Not found. Nothing was imported.')
  })

  it('refuses a malformed answer, whether not JSON or in a shape GitLab does not send, and changes nothing', async () => {
    const { api, server, stored } = await setup()
    const before = await stored()
    const recorded = recordedGitLab()
    server.setRoute((request, base) => (request.path === '/issues' ? { text: '<html><body>502 Bad Gateway</body></html>' } : recorded(request, base)))
    expect((await refusal(api.imports.forge({ forge: 'gitlab', username, apiUrl: server.url }))).message).toBe('GitLab sent an answer that is not JSON. Nothing was imported.')
    server.setRoute((request, base) => (request.path === '/merge_requests' ? { body: [{ id: 'one', title: 7 }] } : recorded(request, base)))
    expect((await refusal(api.imports.forge({ forge: 'gitlab', username, apiUrl: server.url }))).message).toBe('GitLab sent an answer in a shape this app does not know. Nothing was imported.')
    expect(await stored()).toEqual(before)
  })

  it('waits out a 429 (Retry-After, or RateLimit-Reset) and carries on', async () => {
    const { core, server } = await setup()
    const recorded = recordedGitLab()
    let limited = 0
    server.setRoute((request, base) => {
      if (request.query.get('page') === '2' && limited === 0) {
        limited += 1
        return { status: 429, text: 'Retry later', headers: { 'retry-after': '30', 'ratelimit-remaining': '0', 'ratelimit-reset': String(now.getTime() / 1000 + 30) } }
      }
      if (request.path === '/issues' && limited === 1) {
        limited += 1
        return { status: 429, text: 'Retry later', headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(now.getTime() / 1000 + 45) } }
      }
      return recorded(request, base)
    })
    const waits: number[] = []
    const summary = await importGitLab(
      { db: core.db, repo: createActivitiesRepository(core.db), settings: createSettingsRepository(core.db) },
      { username, token, apiUrl: server.url, now: () => now, sleep: async (ms) => void waits.push(ms) },
    )
    expect(waits).toEqual([30_000, 45_000])
    expect(summary.added).toBe(8)
  })

  it('reports a rate limit that lifts too late, with the time, and changes nothing', async () => {
    const { api, server, stored } = await setup(() => ({ status: 429, text: 'Retry later', headers: { 'retry-after': '3600' } }))
    const before = await stored()
    const error = await refusal(api.imports.forge({ forge: 'gitlab', username, apiUrl: server.url }))
    expect(error.code).toBe('unavailable')
    expect(error.message).toMatch(/^GitLab's rate limit is used up until about \d\d:\d\d\. Nothing was imported; try again then\. A token raises the limit\.$/)
    expect(await stored()).toEqual(before)
  })

  it('reads every page past 10,000 items, where GitLab stops sending totals, by x-next-page alone', async () => {
    const perPage = 100
    const pages = 3
    const route: ForgeRoute = ({ path, query }, base) => {
      if (path === '/users') return { fixture: 'users-octo-dev.json' }
      if (path === '/merge_requests') {
        const page = Number(query.get('page') ?? '1')
        const body = Array.from({ length: perPage }, (_, i) => {
          const iid = (page - 1) * perPage + i + 1
          return { id: 900000 + iid, iid, project_id: 278964, title: `Change ${iid}`, state: 'merged', created_at: '2027-01-05T10:00:00Z', web_url: `https://gitlab.com/gitlab-org/gitlab-runner/-/merge_requests/${iid}`, references: { full: `gitlab-org/gitlab-runner!${iid}` } }
        })
        // No x-total, no x-total-pages, no rel="last": what GitLab sends for more than 10,000.
        const headers = gitlabPaging(base, path, query, page, pages, null)
        return { body, headers }
      }
      if (path === '/projects/278964') return { fixture: 'project-278964.json' }
      return { body: [], headers: { 'x-next-page': '' } }
    }
    const { api, server } = await setup(route)
    const summary = await ok(api.imports.forge({ forge: 'gitlab', username, apiUrl: server.url }))
    expect(summary.added).toBe(perPage * pages)
    expect(server.requests.filter((r) => r.path === '/merge_requests')).toHaveLength(pages)
  })

  it('cancels while an answer is slow to come, and changes nothing', async () => {
    const slow = gate()
    const recorded = recordedGitLab()
    const { api, server, stored } = await setup((request, base) => (request.path === '/issues' ? { ...recorded(request, base), hold: slow.promise } : recorded(request, base)))
    cleanups.push(() => slow.open())
    const before = await stored()
    const running = api.imports.forge({ forge: 'gitlab', username, apiUrl: server.url, importId: 'gitlab-slow' })
    while (!server.requests.some((r) => r.path === '/issues')) await new Promise((resolve) => setImmediate(resolve))
    expect((await ok(api.imports.progress({ importId: 'gitlab-slow' })))?.message).toBe('Fetching your issues')
    expect(await ok(api.imports.cancel({ importId: 'gitlab-slow' }))).toEqual({ cancelled: true })
    const error = await refusal(running)
    expect(error.code).toBe('cancelled')
    expect(await stored()).toEqual(before)
  })

  it('finishes when a slow answer does come', async () => {
    const slow = gate()
    const recorded = recordedGitLab()
    const { api, server } = await setup((request, base) => (request.path === '/issues' ? { ...recorded(request, base), hold: slow.promise } : recorded(request, base)))
    const running = api.imports.forge({ forge: 'gitlab', username, apiUrl: server.url })
    while (!server.requests.some((r) => r.path === '/issues')) await new Promise((resolve) => setImmediate(resolve))
    slow.open()
    expect((await ok(running)).added).toBe(8)
  })

  it('never carries the token to another origin: not by a redirect, not to another port', async () => {
    const other = await startForgeServer('gitlab', () => ({ fixture: 'users-octo-dev.json' }), { prefix: '/api/v4' })
    cleanups.push(() => other.close())
    const recorded = recordedGitLab()
    const { api, server, stored } = await setup((request, base) =>
      request.path === '/merge_requests' ? { status: 302, headers: { location: `${other.url}/merge_requests` } } : recorded(request, base),
    )
    const before = await stored()
    const error = await refusal(api.imports.forge({ forge: 'gitlab', username, token, apiUrl: server.url }))
    expect(error.message).toBe(`GitLab pointed to another server (${other.origin}); the import stopped.`)
    expect(other.requests).toEqual([])
    expect(await stored()).toEqual(before)

    // A token kept for one server is not sent to the same host on another port.
    server.setRoute(recordedGitLab())
    await ok(api.imports.forge({ forge: 'gitlab', username, token, apiUrl: server.url }))
    other.setRoute(recordedGitLab())
    await ok(api.imports.forge({ forge: 'gitlab', username, apiUrl: other.url }))
    expect(other.requests.map((r) => r.headers.authorization ?? null)).toEqual(other.requests.map(() => null))
  })

  it('follows a redirect on its own origin, token and all', async () => {
    const recorded = recordedGitLab()
    const { api, server } = await setup((request, base) =>
      request.path === '/users' && !request.query.has('moved') ? { status: 301, headers: { location: `${base}/users?username=${username}&moved=1` } } : recorded(request, base),
    )
    expect((await ok(api.imports.forge({ forge: 'gitlab', username, token, apiUrl: server.url }))).added).toBe(8)
    expect(server.requests.filter((r) => r.path === '/users').map((r) => r.headers.authorization)).toEqual([`Bearer ${token}`, `Bearer ${token}`])
  })

  it('refuses to send a token over plain http to another machine, and names the field', async () => {
    const { api } = await setup()
    const error = await refusal(api.imports.forge({ forge: 'gitlab', username, token, apiUrl: 'http://gitlab.example.com/api/v4' }))
    expect(error.message).toMatch(/^A token is sent only over https/)
    expect(error.issues?.[0]?.path).toBe('apiUrl')
    expect((await refusal(api.imports.forge({ forge: 'gitlab', username: '../admin', apiUrl: 'http://127.0.0.1:1' }))).issues?.[0]?.path).toBe('username')
  })
})
