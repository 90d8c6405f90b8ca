import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { contract, listChannels } from '@shared/contract'
import { apiOf, must } from '../support/api'
import { assertWithinBudget } from '../support/assertWithinBudget'
import { fuzzInputsFor, isZodSchema } from '../support/fuzzInputs'
import { resultShape } from '../support/resultShape'
import { snapshotStore } from '../support/storeSnapshot'
import { openTempCore } from '../support/tempCore'
import { byDepth } from '../support/testDepth'

const channels = listChannels(contract)
/** Whole run bounded: each channel gets an equal share, and at most `runsPerChannel` inputs. */
const totalBudgetMs = byDepth(12_000, 40_000)
const runsPerChannel = byDepth(40, 120)
const perChannelMs = Math.min(2_500, Math.floor(totalBudgetMs / Math.max(1, channels.length)))
const floorPerChannel = 20

const describeInput = (input: unknown): string => fc.stringify(input).slice(0, 300)

describe('the contract under attack', () => {
  it('declares a zod schema for every channel, and the registry serves exactly those channels', async () => {
    const missing = channels.filter((c) => !isZodSchema(c.channel.input)).map((c) => c.name)
    expect(missing, 'channels without a zod input schema').toEqual([])
    const core = await openTempCore()
    expect([...core.channels].sort()).toEqual(channels.map((c) => c.name).sort())
    core.dispose()
  })

  describe('fuzzing every channel through the registry', () => {
    let core: Awaited<ReturnType<typeof openTempCore>>
    const logged: unknown[] = []
    beforeAll(async () => {
      // Nothing here may reach a network, whatever a handler would do with a plausible URL.
      vi.stubGlobal('fetch', () => Promise.reject(new Error('No network in the fuzz test')))
      core = await openTempCore({ log: { error: (...args: unknown[]) => logged.push(args), warn: () => {}, info: () => {} } })
      // Something for ids 1, 2, 3 to point at, so near-misses reach real rows.
      const api = apiOf(core)
      await must(api.roadmap.setStatus({ itemId: 'skill.java', status: 'done' }))
      await must(api.roadmap.addEvidence({ itemId: 'skill.java', url: 'https://example.invalid/pr/1' }))
      await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Kotlin' }))
      await must(api.goals.create({ title: 'Goal', milestones: [{ title: 'One' }, { title: 'Two' }] }))
      if (core.channels.includes('activities.create')) await core.dispatch('activities.create', { kind: 'issue', date: '2026-01-01', title: 'An issue' })
    })
    afterAll(() => {
      core.dispose()
      vi.unstubAllGlobals()
    })

    it(`answers with a result or a typed error, never a throw, and a refusal leaves the store byte-for-byte unchanged`, { timeout: totalBudgetMs + 150_000 }, async () => {
      const tally = { runs: 0, accepted: 0, refused: 0 }
      let snapshot = snapshotStore(core.db)
      let stale = false

      for (const { name, channel } of channels) {
        await assertWithinBudget(
          fuzzInputsFor(channel),
          async (input) => {
            if (stale) snapshot = snapshotStore(core.db)
            tally.runs++
            let raw: unknown
            try {
              raw = await core.dispatch(name, input)
            } catch (error) {
              throw new Error(`${name} threw on ${describeInput(input)}: ${String(error)}`, { cause: error })
            }
            const inherited = Object.keys(Object.prototype)
            if (inherited.length > 0) throw new Error(`${name} on ${describeInput(input)} gave every object the keys ${inherited.join(', ')}`)
            const shaped = resultShape.safeParse(raw)
            if (!shaped.success) throw new Error(`${name} answered ${describeInput(input)} outside the result shape: ${shaped.error.message}`)
            const result = shaped.data
            if (result.ok) {
              tally.accepted++
              stale = true
              return
            }
            tally.refused++
            if (result.error.code === 'internal') {
              throw new Error(`${name} failed inside on ${describeInput(input)}: ${result.error.message} ${fc.stringify(logged.at(-1)).slice(0, 600)}`)
            }
            if (snapshotStore(core.db) !== snapshot) throw new Error(`${name} refused ${describeInput(input)} (${result.error.message}) but changed the store`)
            stale = false
          },
          () => tally.runs,
          { runs: runsPerChannel, budgetMs: perChannelMs, floor: floorPerChannel },
        )
      }

      console.info(
        `contract fuzz: ${channels.length} channels covered, ${tally.runs} inputs (${tally.accepted} accepted, ${tally.refused} refused), ` +
          `each refusal checked against a snapshot of the whole store`,
      )
      expect(tally.runs).toBeGreaterThanOrEqual(channels.length * floorPerChannel)
      expect(Object.keys(Object.prototype)).toEqual([])
      expect(Object.keys(Array.prototype)).toEqual([])
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok')
    })
  })
})
