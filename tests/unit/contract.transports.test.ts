import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTempCore } from '../support/tempCore'
import { directTransport, httpTransport, type Transport } from '../support/transports'

type TempCore = Awaited<ReturnType<typeof openTempCore>>

// The same cases through both transports: what the renderer sees must not depend on the host.
describe.each(['direct', 'http'] as const)('the contract through the %s transport', (kind) => {
  let core: TempCore
  let transport: Transport

  beforeAll(async () => {
    core = await openTempCore()
    transport = kind === 'direct' ? directTransport(core) : await httpTransport(core)
  })
  afterAll(async () => {
    await transport.close()
    core.dispose()
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
    const before = core.db.prepare('SELECT count(*) AS n FROM item_state_history').get()
    const result = await transport.api.roadmap.setStatus({ itemId: '', status: 'done' })
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'An item id is required.', issues: [{ path: 'itemId', message: 'An item id is required' }] } })
    expect(core.db.prepare('SELECT count(*) AS n FROM item_state_history').get()).toEqual(before)
  })

  it('names a missing item', async () => {
    const result = await transport.api.roadmap.history({ itemId: 'skill.cobol' })
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no roadmap item "skill.cobol".' } })
  })

  it('refuses unknown keys rather than ignoring them', async () => {
    const result = await core.dispatch('roadmap.setStatus', { itemId: 'skill.java', status: 'done', extra: 1 })
    expect(result.ok).toBe(false)
  })
})
