import { afterEach, describe, expect, it } from 'vitest'
import { ok, refusal, tableCounts } from '../support/activitySupport'
import { recordedBitbucketCloud, recordedBitbucketDataCenter, startBitbucketCloudServer, startBitbucketDataCenterServer } from '../support/bitbucketServer'
import { gate, type ForgeRoute } from '../support/forgeServer'
import { openForgeCore, until } from '../support/forgeTestSetup'

const token = 'ATCTT3xFfGN0TESTtoken0123456789'
const now = new Date('2027-06-30T12:00:00Z')
const cloud = { forge: 'bitbucket', workspace: 'acme-team', username: 'octo-dev' } as const

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

async function setupCloud(route: ForgeRoute = recordedBitbucketCloud()) {
  const opened = await openForgeCore(now, 'bitbucket')
  const server = await startBitbucketCloudServer(route)
  cleanups.push(() => opened.core.dispose(), () => server.close())
  return { ...opened, server }
}

describe('imports.forge from Bitbucket Cloud', () => {
  it('imports the person’s pull requests in a workspace, following each page’s next, and marks private repositories', async () => {
    const { api, server, rows } = await setupCloud()
    expect(await ok(api.imports.forge({ ...cloud, token, apiUrl: server.url }))).toMatchObject({ added: 3, updated: 0 })
    expect(await rows()).toEqual([
      ['pull-request', '2027-02-01', 'acme-team/payments-api', 'merged', 'Retry idempotent webhook deliveries', 'bitbucket:bitbucket.org:pr:acme-team/payments-api#214'],
      ['pull-request', '2027-03-10', 'acme-team/payments-api', 'open', 'Expose settlement lag metric', 'bitbucket:bitbucket.org:pr:acme-team/payments-api#230'],
      ['pull-request', '2027-04-05', 'acme-team/infra-docs', 'closed', 'Runbook for the payments on-call', 'bitbucket:bitbucket.org:pr:acme-team/infra-docs#12'],
    ])
    expect(await ok(api.reports.privateRepositories(undefined))).toEqual(['acme-team/payments-api'])
    expect(new Set(server.requests.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${token}`]))
    expect(server.requests[0]?.query.getAll('state')).toEqual(['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED'])
  })

  it('sends user:app-password as Basic, keeps state up to date on re-import and adds nothing twice', async () => {
    const { api, core, server } = await setupCloud()
    await ok(api.imports.forge({ ...cloud, token: 'octo-dev:ATBBapppassword', apiUrl: server.url }))
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('octo-dev:ATBBapppassword').toString('base64')}`)
    const before = tableCounts(core.db)
    server.setRoute(recordedBitbucketCloud({ firstPage: 'cloud-pullrequests-page1-later.json' }))
    expect(await ok(api.imports.forge({ ...cloud, apiUrl: server.url }))).toMatchObject({ added: 0, updated: 1, skipped: 2 })
    expect(tableCounts(core.db)).toEqual(before)
    expect((await ok(api.activities.list({ kinds: ['pull-request'], sort: 'date-asc' }))).rows.map((r) => r.state)).toEqual(['merged', 'merged', 'closed'])
  })

  it('asks for the workspace and username, beside each field', async () => {
    const { api, server } = await setupCloud()
    const error = await refusal(api.imports.forge({ forge: 'bitbucket', apiUrl: server.url }))
    expect(error.issues?.map((i) => i.path)).toEqual(['workspace', 'username'])
    expect(server.requests).toEqual([])
  })

  it('says Bitbucket rejected the token (401) or has no such workspace (404), in its own words, and changes nothing', async () => {
    const { api, server, stored } = await setupCloud()
    const before = await stored()
    server.setRoute(() => ({ status: 401, fixture: 'cloud-error-401.json' }))
    expect((await refusal(api.imports.forge({ ...cloud, token, apiUrl: server.url }))).message).toMatch(/^Bitbucket rejected the token/)
    server.setRoute(() => ({ status: 404, fixture: 'cloud-error-404.json' }))
    expect((await refusal(api.imports.forge({ ...cloud, workspace: 'nowhere', apiUrl: server.url }))).message).toBe(
      "Bitbucket has no such user, workspace or address: No workspace with identifier 'nowhere'.. Nothing was imported.",
    )
    expect(await stored()).toEqual(before)
  })

  it('refuses a malformed page and a next link to another server, changing nothing', async () => {
    const { api, server, stored } = await setupCloud()
    const before = await stored()
    server.setRoute(() => ({ body: { values: [{ id: 1 }] } }))
    expect((await refusal(api.imports.forge({ ...cloud, apiUrl: server.url }))).message).toMatch(/in a shape this app does not know/)
    const recorded = recordedBitbucketCloud()
    server.setRoute((request, base) => {
      const answer = recorded(request, base)
      return request.query.get('page') === null && request.path.startsWith('/workspaces') ? { ...answer, body: { values: [], next: 'https://evil.example.com/steal' } } : answer
    })
    expect((await refusal(api.imports.forge({ ...cloud, token, apiUrl: server.url }))).message).toBe('Bitbucket pointed to another server (https://evil.example.com); the import stopped.')
    expect(await stored()).toEqual(before)
  })

  it('reports a rate limit that lifts too late and changes nothing', async () => {
    const { api, server, stored } = await setupCloud(() => ({ status: 429, body: { type: 'error', error: { message: 'Rate limit for this resource has been exceeded' } }, headers: { 'retry-after': '7200' } }))
    const before = await stored()
    expect((await refusal(api.imports.forge({ ...cloud, apiUrl: server.url }))).message).toMatch(/^Bitbucket's rate limit is used up until about/)
    expect(await stored()).toEqual(before)
  })

  it('cancels while a page is slow to come, and changes nothing', async () => {
    const slow = gate()
    cleanups.push(() => slow.open())
    const recorded = recordedBitbucketCloud()
    const { api, server, stored } = await setupCloud((request, base) => (request.query.get('page') === '2' ? { ...recorded(request, base), hold: slow.promise } : recorded(request, base)))
    const before = await stored()
    const running = api.imports.forge({ ...cloud, apiUrl: server.url, importId: 'bitbucket-slow' })
    await until(() => server.requests.some((r) => r.query.get('page') === '2'))
    expect(await ok(api.imports.cancel({ importId: 'bitbucket-slow' }))).toEqual({ cancelled: true })
    expect((await refusal(running)).code).toBe('cancelled')
    expect(await stored()).toEqual(before)
  })
})

describe('imports.forge from Bitbucket Data Center', () => {
  async function setupDataCenter(route: ForgeRoute = recordedBitbucketDataCenter()) {
    const opened = await openForgeCore(now, 'bitbucket')
    const server = await startBitbucketDataCenterServer(route)
    cleanups.push(() => opened.core.dispose(), () => server.close())
    return { ...opened, server }
  }

  it('reads the dashboard’s pull requests when the address is a /rest/api/1.0 root, paged by nextPageStart', async () => {
    const { api, server, rows } = await setupDataCenter()
    expect(await ok(api.imports.forge({ forge: 'bitbucket', token, apiUrl: server.url }))).toMatchObject({ added: 3 })
    expect(await rows()).toEqual([
      ['pull-request', '2027-02-03', 'PAY/ledger', 'merged', 'Ledger: close the month in one transaction', 'bitbucket:bitbucket.acme.example:pr:pay/ledger#501'],
      ['pull-request', '2027-03-06', 'OSS/sdk-java', 'open', 'SDK: retry on 503 with backoff', 'bitbucket:bitbucket.acme.example:pr:oss/sdk-java#502'],
      ['pull-request', '2027-04-06', 'PAY/ledger', 'closed', 'Ledger: reject negative adjustments', 'bitbucket:bitbucket.acme.example:pr:pay/ledger#503'],
    ])
    expect(await ok(api.reports.privateRepositories(undefined))).toEqual(['PAY/ledger'])
    expect(server.requests.map((r) => [r.query.get('role'), r.query.get('start')])).toEqual([['AUTHOR', '0'], ['AUTHOR', '2']])
  })

  it('asks for a token, and says Bitbucket rejected one (401) without changing anything', async () => {
    const { api, server, stored } = await setupDataCenter(() => ({ status: 401, fixture: 'dc-error-401.json' }))
    expect((await refusal(api.imports.forge({ forge: 'bitbucket', apiUrl: server.url }))).issues?.[0]?.path).toBe('token')
    const before = await stored()
    expect((await refusal(api.imports.forge({ forge: 'bitbucket', token, apiUrl: server.url }))).message).toMatch(/^Bitbucket rejected the token/)
    expect(await stored()).toEqual(before)
  })
})
