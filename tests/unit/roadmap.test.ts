import { describe, expect, it } from 'vitest'
import type { Roadmap, RoadmapItem, StatusChange } from '@shared/domain/roadmap'
import { openTempCore } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const { open } = useTempCores()

async function value<T>(promise: Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>): Promise<T> {
  const result = await promise
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result.error)}`)
  return result.value as T
}

describe('roadmap', () => {
  it('lists the seed path in reading order', async () => {
    const core = await open()
    const roadmap = await value<Roadmap>(core.dispatch('roadmap.get', undefined))
    expect(roadmap.path.id).toBe('backend-developer')
    expect(roadmap.items.slice(0, 4).map((i) => i.title)).toEqual([
      "Bachelor's Degree in Computer Science or Related Field",
      'Programming Languages',
      'Data Structures',
      'Algorithms',
    ])
    expect(roadmap.items.every((i) => i.status === 'not-started')).toBe(true)
  })

  it('keeps a status and its history across a reopen', async () => {
    let clock = new Date('2026-01-02T10:00:00Z')
    const first = await open({ now: () => clock })
    await value(first.dispatch('roadmap.setStatus', { itemId: 'skill.data-structures', status: 'in-progress' }))
    clock = new Date('2026-02-03T10:00:00Z')
    const item = await value<RoadmapItem>(first.dispatch('roadmap.setStatus', { itemId: 'skill.data-structures', status: 'done' }))
    expect(item.status).toBe('done')
    first.close()

    const second = await openTempCore({ dataDir: first.dataDir })
    const roadmap = await value<Roadmap>(second.dispatch('roadmap.get', {}))
    expect(roadmap.items.find((i) => i.id === 'skill.data-structures')?.status).toBe('done')
    const history = await value<StatusChange[]>(second.dispatch('roadmap.history', { itemId: 'skill.data-structures' }))
    expect(history.map((h) => [h.from, h.to, h.at])).toEqual([
      ['in-progress', 'done', '2026-02-03T10:00:00.000Z'],
      ['not-started', 'in-progress', '2026-01-02T10:00:00.000Z'],
    ])
    second.close()
  })

  it('rejects an unknown status or item with a message and changes nothing', async () => {
    const core = await open()
    const bad = await core.dispatch('roadmap.setStatus', { itemId: 'skill.java', status: 'finished' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    if (!bad.ok) expect(bad.error.message).toMatch(/Status must be one of/)
    const missing = await core.dispatch('roadmap.setStatus', { itemId: 'skill.cobol', status: 'done' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', message: 'There is no roadmap item "skill.cobol".' } })
    const history = await value<StatusChange[]>(core.dispatch('roadmap.history', { itemId: 'skill.java' }))
    expect(history).toEqual([])
  })
})
