import { afterEach, describe, expect, it } from 'vitest'
import { memorySecretStore } from '../../electron/core/host/hostServices'
import { ok, refusal } from '../support/activitySupport'
import { recordedGitHub, startGitHubServer } from '../support/githubServer'
import { openTempCore } from '../support/tempCore'
import { z } from 'zod'
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
  const kept = async () => {
    const raw = await secrets.get('github.tokens')
    return raw === undefined ? {} : z.record(z.string(), z.string()).parse(JSON.parse(raw))
  }
  return { api, secrets, server, authorizations, kept }
}

describe('the GitHub token kept by the host', () => {
  it('is kept once GitHub takes it, used when none is given, and forgotten on request', async () => {
    const { api, server, authorizations, kept } = await setup()
    expect((await ok(api.imports.settings(undefined))).githubTokenOrigins).toEqual([])

    await ok(api.imports.github({ token, username, apiUrl: server.url }))
    const origin = new URL(server.url).origin
    expect(await kept()).toEqual({ [origin]: token })
    expect(await ok(api.imports.settings(undefined))).toEqual({ gitEmails: [], githubUsername: null, githubTokenOrigins: [origin] })

    server.requests.length = 0
    await ok(api.imports.github({ username, apiUrl: server.url }))
    expect(new Set(authorizations())).toEqual(new Set([`Bearer ${token}`]))

    expect((await ok(api.imports.setSettings({ forgetGitHubToken: true }))).githubTokenOrigins).toEqual([])
    expect(await kept()).toEqual({})
    server.requests.length = 0
    await ok(api.imports.github({ username, apiUrl: server.url }))
    expect(new Set(authorizations())).toEqual(new Set([null]))
  })

  it('does not keep a token GitHub refuses, and drops a kept one GitHub stops taking', async () => {
    const { api, secrets, server, kept } = await setup()
    server.setRoute(() => ({ status: 401, fixture: 'error-401.json' }))
    expect((await refusal(api.imports.github({ token, username, apiUrl: server.url }))).message).toMatch(/^GitHub rejected the token/)
    expect(await kept()).toEqual({})

    await secrets.set('github.tokens', JSON.stringify({ [new URL(server.url).origin]: token }))
    await refusal(api.imports.github({ username, apiUrl: server.url }))
    expect((await ok(api.imports.settings(undefined))).githubTokenOrigins).toEqual([])
  })

  it('keeps the one kept when another given is refused', async () => {
    const { api, secrets, server, kept } = await setup()
    const origin = new URL(server.url).origin
    await secrets.set('github.tokens', JSON.stringify({ [origin]: token }))
    server.setRoute(() => ({ status: 401, fixture: 'error-401.json' }))
    await refusal(api.imports.github({ token: 'ghp_typo', username, apiUrl: server.url }))
    expect(await kept()).toEqual({ [origin]: token })
  })
})

describe('a kept token belongs to the origin it was verified against', () => {
  it('is never sent to another server, not even another port on the same host', async () => {
    const { api, server, authorizations, kept } = await setup()
    const other = await startGitHubServer(recordedGitHub())
    cleanups.push(() => other.close())
    await ok(api.imports.github({ token, username, apiUrl: server.url }))

    await ok(api.imports.github({ username, apiUrl: other.url }))
    expect(new Set(other.requests.map((r) => r.headers.authorization ?? null))).toEqual(new Set([null]))
    // And the default, github.com, has no token either: nothing kept for it.
    expect(Object.keys(await kept())).toEqual([new URL(server.url).origin])
    server.requests.length = 0
    await ok(api.imports.github({ username, apiUrl: server.url }))
    expect(new Set(authorizations())).toEqual(new Set([`Bearer ${token}`]))
  })

  it("drops only the refusing server's token when it answers 401", async () => {
    const { api, server, kept } = await setup()
    const other = await startGitHubServer(recordedGitHub())
    cleanups.push(() => other.close())
    await ok(api.imports.github({ token, username, apiUrl: server.url }))
    await ok(api.imports.github({ token: 'ghp_OTHERtoken', username, apiUrl: other.url }))

    other.setRoute(() => ({ status: 401, fixture: 'error-401.json' }))
    await refusal(api.imports.github({ username, apiUrl: other.url }))
    expect(await kept()).toEqual({ [new URL(server.url).origin]: token })
  })

  it('refuses to send a token over plain http to anything but this computer, and sends nothing', async () => {
    const { api, kept } = await setup()
    const refused = await refusal(api.imports.github({ token, username, apiUrl: 'http://github.example.com/api/v3' }))
    expect(refused.code).toBe('invalid-input')
    expect(refused.message).toBe('A token is sent only over https; http://github.example.com is not. Use the server\'s https address.')
    expect(refused.issues?.[0]?.path).toBe('apiUrl')
    expect(await kept()).toEqual({})
  })

  it('forgets a token kept before tokens were bound to an origin, rather than guess its server', async () => {
    const { api, secrets } = await setup()
    await secrets.set('github.token', token)
    expect((await ok(api.imports.settings(undefined))).githubTokenOrigins).toEqual([])
    expect(await secrets.get('github.token')).toBeUndefined()
  })
})
