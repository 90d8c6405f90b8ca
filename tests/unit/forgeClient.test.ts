import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createForgeClient } from '../../electron/core/importers/forge/forgeClient'
import { rateLimitWaitMs } from '../../electron/core/importers/forge/forgeRateLimit'
import { startForgeServer, type ForgeServer } from '../support/forgeServer'

const now = new Date('2027-06-30T12:00:00Z')
let servers: ForgeServer[] = []
afterEach(async () => {
  for (const server of servers) await server.close()
  servers = []
})

describe('the forges’ shared client', () => {
  it('stops reading an answer too large to be a page, whether its size is declared or not', async () => {
    const big = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, title: 'x'.repeat(40) })))
    const declared: Record<string, string> = { 'content-length': String(Buffer.byteLength(big)) }
    const streamed: Record<string, string> = { 'transfer-encoding': 'chunked' }
    const server = await startForgeServer('gitlab', ({ query }) => ({ text: big, headers: query.has('chunked') ? streamed : declared }))
    servers.push(server)
    const client = createForgeClient({ forge: 'GitLab', apiUrl: server.url, now: () => now, maxBodyBytes: 4096 })
    for (const path of ['/merge_requests', '/merge_requests?chunked=1']) {
      await expect(client.get(path, z.array(z.unknown()))).rejects.toThrow('GitLab sent an answer too large to be a page of results. Nothing was imported.')
    }
    const roomy = createForgeClient({ forge: 'GitLab', apiUrl: server.url, now: () => now, maxBodyBytes: big.length + 1 })
    expect((await roomy.get('/merge_requests', z.array(z.unknown()))).data).toHaveLength(200)
  })

  it('reads how long to wait from each forge’s way of saying it', () => {
    const headers = (h: Record<string, string>) => new Headers(h)
    expect(rateLimitWaitMs(429, headers({ 'retry-after': '30' }), now)).toBe(30_000)
    expect(rateLimitWaitMs(429, headers({ 'retry-after': new Date(now.getTime() + 90_000).toUTCString() }), now)).toBe(90_000)
    expect(rateLimitWaitMs(429, headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': String(now.getTime() / 1000 + 45) }), now)).toBe(45_000)
    expect(rateLimitWaitMs(403, headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now.getTime() / 1000 + 10) }), now)).toBe(10_000)
    expect(rateLimitWaitMs(429, headers({}), now)).toBe(60_000)
    // A 403 that says nothing of a limit is a refusal, not a wait.
    expect(rateLimitWaitMs(403, headers({ 'ratelimit-remaining': '12' }), now)).toBeNull()
    expect(rateLimitWaitMs(500, headers({ 'retry-after': '5' }), now)).toBeNull()
  })
})
