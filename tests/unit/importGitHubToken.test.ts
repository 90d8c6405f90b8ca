import { afterEach, describe, expect, it } from 'vitest'
import { memorySecretStore } from '../../electron/core/host/hostServices'
import { githubTokenSecret } from '../../electron/core/importers/importsHandlers'
import { ok, refusal } from '../support/activitySupport'
import { recordedGitHub, startGitHubServer } from '../support/githubServer'
import { openTempCore } from '../support/tempCore'
import { contract, createClient, type Api } from '@shared/contract'

const token = 'ghp_KEPTtoken0123456789abcdefghijklmnopqr'
const username = 'octo-dev'
const now = new Date('2027-06-30T12:00:00Z')

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

/** A core whose host keeps secrets in memory, as the web host does, with the store in reach. */
async function setup() {
  const secrets = memorySecretStore()
  const core = await openTempCore({ now: () => now, host: { kind: 'browser', secrets } })
  const server = await startGitHubServer(recordedGitHub())
  cleanups.push(() => core.dispose(), () => server.close())
  const api: Api = createClient(contract, (name, input) => core.dispatch(name, input))
  const authorizations = () => server.requests.map((r) => r.headers.authorization ?? null)
  return { api, secrets, server, authorizations }
}

describe('the GitHub token kept by the host', () => {
  it('is kept once GitHub takes it, used when none is given, and forgotten on request', async () => {
    const { api, secrets, server, authorizations } = await setup()
    expect((await ok(api.imports.settings(undefined))).githubTokenSaved).toBe(false)

    await ok(api.imports.github({ token, username, apiUrl: server.url }))
    expect(await secrets.get(githubTokenSecret)).toBe(token)
    expect(await ok(api.imports.settings(undefined))).toEqual({ gitEmails: [], githubUsername: null, githubTokenSaved: true })

    server.requests.length = 0
    await ok(api.imports.github({ username, apiUrl: server.url }))
    expect(new Set(authorizations())).toEqual(new Set([`Bearer ${token}`]))

    expect((await ok(api.imports.setSettings({ forgetGitHubToken: true }))).githubTokenSaved).toBe(false)
    expect(await secrets.get(githubTokenSecret)).toBeUndefined()
    server.requests.length = 0
    await ok(api.imports.github({ username, apiUrl: server.url }))
    expect(new Set(authorizations())).toEqual(new Set([null]))
  })

  it('does not keep a token GitHub refuses, and drops a kept one GitHub stops taking', async () => {
    const { api, secrets, server } = await setup()
    server.setRoute(() => ({ status: 401, fixture: 'error-401.json' }))
    expect((await refusal(api.imports.github({ token, username, apiUrl: server.url }))).message).toMatch(/^GitHub rejected the token/)
    expect(await secrets.get(githubTokenSecret)).toBeUndefined()

    await secrets.set(githubTokenSecret, token)
    await refusal(api.imports.github({ username, apiUrl: server.url }))
    expect((await ok(api.imports.settings(undefined))).githubTokenSaved).toBe(false)
  })

  it('keeps the one kept when another given is refused', async () => {
    const { api, secrets, server } = await setup()
    await secrets.set(githubTokenSecret, token)
    server.setRoute(() => ({ status: 401, fixture: 'error-401.json' }))
    await refusal(api.imports.github({ token: 'ghp_typo', username, apiUrl: server.url }))
    expect(await secrets.get(githubTokenSecret)).toBe(token)
  })
})
