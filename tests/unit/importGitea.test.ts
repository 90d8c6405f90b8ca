import { afterEach, describe, expect, it } from 'vitest'
import { createActivitiesRepository } from '../../electron/core/activities/activitiesRepository'
import { importGitea } from '../../electron/core/importers/gitea/importGitea'
import { createSettingsRepository } from '../../electron/core/settings/settingsRepository'
import { ok, refusal, tableCounts } from '../support/activitySupport'
import { gate, type ForgeRoute } from '../support/forgeServer'
import { openForgeCore, until } from '../support/forgeTestSetup'
import { recordedGitea, startGiteaServer } from '../support/giteaServer'

const token = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const now = new Date('2027-06-30T12:00:00Z')

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

async function setup(route: ForgeRoute = recordedGitea()) {
  const opened = await openForgeCore(now, 'gitea')
  const server = await startGiteaServer(route)
  cleanups.push(() => opened.core.dispose(), () => server.close())
  return { ...opened, server }
}

describe('imports.forge from Gitea / Forgejo', () => {
  it('imports the pull requests and issues the token’s user opened, over every Link page, and marks private repositories', async () => {
    const { api, server, rows, kept } = await setup()
    const summary = await ok(api.imports.forge({ forge: 'gitea', token, apiUrl: server.url }))
    expect(summary).toMatchObject({ added: 4, updated: 0, skipped: 0 })
    expect(await rows()).toEqual([
      ['issue', '2027-01-05', 'forgejo/forgejo', 'closed', 'Issue search ignores the since parameter', 'gitea:codeberg.org:issue:forgejo/forgejo#1190'],
      ['pull-request', '2027-01-11', 'forgejo/forgejo', 'merged', 'Add a since filter to the issue search API', 'gitea:codeberg.org:pr:forgejo/forgejo#1204'],
      ['pull-request', '2027-02-14', 'octo-dev/home-infra', 'open', 'Move backups to restic', 'gitea:codeberg.org:pr:octo-dev/home-infra#33'],
      ['pull-request', '2027-03-03', 'Codeberg/pages-server', 'closed', 'Serve brotli when the client accepts it', 'gitea:codeberg.org:pr:codeberg/pages-server#87'],
    ])
    expect(await ok(api.reports.privateRepositories(undefined))).toEqual(['octo-dev/home-infra'])
    expect(new Set(server.requests.map((r) => r.headers.authorization))).toEqual(new Set([`token ${token}`]))
    const searches = server.requests.filter((r) => r.path === '/repos/issues/search' && r.query.get('type') === 'pulls')
    expect(searches.map((r) => [r.query.get('created'), r.query.get('page')])).toEqual([['true', '1'], ['true', '2']])
    expect(await kept()).toEqual({ [server.origin]: token })
  })

  it('keeps state up to date on re-import with the kept token and adds nothing twice', async () => {
    const { api, core, server } = await setup()
    await ok(api.imports.forge({ forge: 'gitea', token, apiUrl: server.url }))
    const before = tableCounts(core.db)
    server.setRoute(recordedGitea({ pullsFirstPage: 'pulls-page1-later.json' }))
    expect(await ok(api.imports.forge({ forge: 'gitea', apiUrl: server.url, since: '2027-01-01' }))).toMatchObject({ added: 0, updated: 1, skipped: 3 })
    expect(tableCounts(core.db)).toEqual(before)
    expect((await ok(api.activities.list({ repo: 'octo-dev/home-infra' }))).rows[0]?.state).toBe('merged')
    expect(server.requests.at(-1)?.headers.authorization).toBe(`token ${token}`)
    expect(server.requests.find((r) => r.query.get('since'))?.query.get('since')).toBe('2027-01-01T00:00:00Z')
  })

  it('lists the origins it keeps tokens for, per forge, and forgets one on request', async () => {
    const { api, server, kept } = await setup()
    await ok(api.imports.forge({ forge: 'gitea', token, apiUrl: server.url }))
    expect(await ok(api.imports.forgeTokens(undefined))).toEqual({ gitlab: [], gitea: [server.origin], bitbucket: [] })
    expect(await ok(api.imports.forgetForgeToken({ forge: 'gitea', origin: server.origin }))).toEqual({ gitlab: [], gitea: [], bitbucket: [] })
    expect(await kept()).toEqual({})
    // Without it, the import asks for one again.
    expect((await refusal(api.imports.forge({ forge: 'gitea', apiUrl: server.url }))).issues?.[0]?.path).toBe('token')
  })

  it('asks for a token before sending anything', async () => {
    const { api, server } = await setup()
    const error = await refusal(api.imports.forge({ forge: 'gitea', apiUrl: server.url }))
    expect(error.issues?.[0]?.path).toBe('token')
    expect(server.requests).toEqual([])
  })

  it('says Gitea rejected the token (401), or has no such address (404), and changes nothing', async () => {
    const { api, server, stored, kept } = await setup()
    const before = await stored()
    const recorded = recordedGitea()
    server.setRoute((request, base) => (request.query.get('page') === '2' ? { status: 401, fixture: 'error-401.json' } : recorded(request, base)))
    expect((await refusal(api.imports.forge({ forge: 'gitea', token, apiUrl: server.url }))).message).toMatch(/^Gitea rejected the token/)
    server.setRoute(() => ({ status: 404, fixture: 'error-404.json' }))
    expect((await refusal(api.imports.forge({ forge: 'gitea', token, apiUrl: server.url }))).message).toBe('Gitea has no such user, workspace or address: not found. Nothing was imported.')
    expect(await stored()).toEqual(before)
    expect(await kept()).toEqual({})
  })

  it('refuses a malformed answer and changes nothing', async () => {
    const { api, server, stored } = await setup()
    const before = await stored()
    const recorded = recordedGitea()
    server.setRoute((request, base) => (request.query.get('type') === 'issues' ? { text: '[{"id": 1, "number": ' } : recorded(request, base)))
    expect((await refusal(api.imports.forge({ forge: 'gitea', token, apiUrl: server.url }))).message).toBe('Gitea sent an answer that is not JSON. Nothing was imported.')
    server.setRoute((request, base) => (request.path === '/user' ? recorded(request, base) : { body: { data: [] } }))
    expect((await refusal(api.imports.forge({ forge: 'gitea', token, apiUrl: server.url }))).message).toMatch(/in a shape this app does not know/)
    expect(await stored()).toEqual(before)
  })

  it('waits out a 429 with Retry-After, and reports one too long', async () => {
    const { core, api, server, stored } = await setup()
    const recorded = recordedGitea()
    let limited = false
    server.setRoute((request, base) => {
      if (request.query.get('page') === '2' && !limited) {
        limited = true
        return { status: 429, text: 'Too Many Requests', headers: { 'retry-after': '20' } }
      }
      return recorded(request, base)
    })
    const waits: number[] = []
    const store = { db: core.db, repo: createActivitiesRepository(core.db), settings: createSettingsRepository(core.db) }
    expect((await importGitea(store, { token, apiUrl: server.url, now: () => now, sleep: async (ms) => void waits.push(ms) })).added).toBe(4)
    expect(waits).toEqual([20_000])

    const before = await stored()
    server.setRoute(() => ({ status: 429, text: 'Too Many Requests', headers: { 'retry-after': new Date(now.getTime() + 2 * 3600_000).toUTCString() } }))
    expect((await refusal(api.imports.forge({ forge: 'gitea', token, apiUrl: server.url }))).message).toMatch(/^Gitea's rate limit is used up until about \d\d:\d\d/)
    expect(await stored()).toEqual(before)
  })

  it('cancels while an answer is slow to come, and changes nothing', async () => {
    const slow = gate()
    cleanups.push(() => slow.open())
    const recorded = recordedGitea()
    const { api, server, stored } = await setup((request, base) => (request.query.get('page') === '2' ? { ...recorded(request, base), hold: slow.promise } : recorded(request, base)))
    const before = await stored()
    const running = api.imports.forge({ forge: 'gitea', token, apiUrl: server.url, importId: 'gitea-slow' })
    await until(() => server.requests.some((r) => r.query.get('page') === '2'))
    expect(await ok(api.imports.cancel({ importId: 'gitea-slow' }))).toEqual({ cancelled: true })
    expect((await refusal(running)).code).toBe('cancelled')
    expect(await stored()).toEqual(before)
  })
})
