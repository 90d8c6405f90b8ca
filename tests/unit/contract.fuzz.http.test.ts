import fc from 'fast-check'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { contract, listChannels } from '@shared/contract'
import { startWebHost, type WebHost } from '../../electron/web/server'
import { assertWithinBudget } from '../support/assertWithinBudget'
import { fuzzInputsFor } from '../support/fuzzInputs'
import { resultShape } from '../support/resultShape'
import { snapshotStore } from '../support/storeSnapshot'
import { openTempCore } from '../support/tempCore'
import { byDepth } from '../support/testDepth'

const channels = listChannels(contract)
const totalBudgetMs = byDepth(6_000, 20_000)
const perChannelMs = Math.floor(totalBudgetMs / channels.length)
const floorPerChannel = 5

/** A raw POST, as any page or program on the machine could send it. */
function post(host: WebHost, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path, headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** What the wire can carry: JSON text, or nothing for `undefined`; other values are skipped. */
function wireBody(input: unknown): string | null {
  if (input === undefined) return ''
  try {
    return JSON.stringify(input) ?? null
  } catch {
    return null
  }
}

describe('the contract under attack through the web host', () => {
  let core: Awaited<ReturnType<typeof openTempCore>>
  let host: WebHost
  beforeAll(async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new Error('No network in the fuzz test')))
    core = await openTempCore()
    host = await startWebHost({ dispatcher: core, rendererDir: '/nonexistent' })
  })
  afterAll(async () => {
    await host.close()
    core.dispose()
    vi.unstubAllGlobals()
  })

  it('answers every channel with a result or a typed error over HTTP, and refusals change nothing', { timeout: totalBudgetMs + 150_000 }, async () => {
    const tally = { runs: 0, refused: 0 }
    for (const { name, channel } of channels) {
      await assertWithinBudget(
        fc.oneof(fuzzInputsFor(channel), fc.string({ maxLength: 200 }).map((text) => ({ rawBody: text }))),
        async (input) => {
          const body = typeof input === 'object' && input !== null && 'rawBody' in input && typeof input.rawBody === 'string' ? input.rawBody : wireBody(input)
          if (body === null) return
          const before = snapshotStore(core.db)
          const reply = await post(host, `/api/${name}`, body)
          tally.runs++
          expect(reply.status, `${name} answered HTTP ${reply.status}`).toBe(200)
          const result = resultShape.parse(JSON.parse(reply.body))
          if (result.ok) return
          tally.refused++
          expect(result.error.code, `${name} failed inside on ${body.slice(0, 200)}`).not.toBe('internal')
          expect(snapshotStore(core.db) === before, `${name} refused ${body.slice(0, 200)} but changed the store`).toBe(true)
        },
        () => tally.runs,
        { runs: byDepth(20, 60), budgetMs: perChannelMs, floor: floorPerChannel },
      )
    }
    console.info(`contract fuzz over HTTP: ${channels.length} channels covered, ${tally.runs} requests (${tally.refused} refused)`)
    expect(tally.runs).toBeGreaterThanOrEqual(channels.length * floorPerChannel)
    // Still serving after all of it.
    const alive = await post(host, '/api/roadmap.get', '')
    expect(resultShape.parse(JSON.parse(alive.body)).ok).toBe(true)
  })
})
