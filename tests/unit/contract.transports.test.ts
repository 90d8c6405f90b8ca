import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databasePath } from '../../electron/core/store/database'
import { buildNodeScripts, type NodeScripts } from '../support/nodeScripts'
import { makeTempDir, openTempCore } from '../support/tempCore'
import { directTransport, dispatcherTransport, httpTransport, startProcessCore, type Transport } from '../support/transports'

const coreEntry = join(import.meta.dirname, '..', '..', 'electron', 'core', 'process', 'coreProcessEntry.ts')

/** Reads the store beside whichever process holds it (WAL lets a reader in at any time). */
function countHistory(dataDir: string): unknown {
  const db = new Database(databasePath(dataDir), { readonly: true })
  try {
    return db.prepare('SELECT count(*) AS n FROM item_state_history').get()
  } finally {
    db.close()
  }
}

// The same cases through every transport: what the renderer sees must not depend on the host,
// nor on whether the core runs in main's process or its own.
describe.each(['direct', 'http', 'process'] as const)('the contract through the %s transport', (kind) => {
  let dataDir: string
  let transport: Transport
  let cleanUp: () => void = () => {}

  beforeAll(async () => {
    if (kind === 'process') {
      const scripts: NodeScripts = await buildNodeScripts([coreEntry])
      dataDir = makeTempDir()
      transport = dispatcherTransport('process', await startProcessCore(scripts.path('coreProcessEntry'), dataDir))
      cleanUp = () => {
        scripts.dispose()
        rmSync(dataDir, { recursive: true, force: true })
      }
    } else {
      const core = await openTempCore()
      dataDir = core.dataDir
      transport = kind === 'direct' ? directTransport(core) : await httpTransport(core)
      cleanUp = () => core.dispose()
    }
  })
  afterAll(async () => {
    await transport.close()
    cleanUp()
  })

  it('answers a query with the seed path', async () => {
    const result = await transport.api.roadmap.get({})
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value.items.find((i) => i.id === 'track.java')?.salary).toEqual({ min: 80000, max: 120000, currency: 'USD', period: 'year' })
  })

  it('stores a change and returns the updated item', async () => {
    const result = await transport.api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'in-progress' })
    expect(result).toMatchObject({ ok: true, value: { id: 'skill.algorithms', status: 'in-progress' } })
  })

  it('answers bad input with a typed error in words and stores nothing', async () => {
    const before = countHistory(dataDir)
    const result = await transport.api.roadmap.setStatus({ itemId: '', status: 'done' })
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'An item id is required.', issues: [{ path: 'itemId', message: 'An item id is required' }] } })
    expect(countHistory(dataDir)).toEqual(before)
  })

  it('names a missing item', async () => {
    const result = await transport.api.roadmap.history({ itemId: 'skill.cobol' })
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no roadmap item "skill.cobol".' } })
  })

  it('refuses unknown keys rather than ignoring them', async () => {
    const result = await transport.dispatch('roadmap.setStatus', { itemId: 'skill.java', status: 'done', extra: 1 })
    expect(result.ok).toBe(false)
  })
})
