import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { must } from '../support/api'
import { openDevice, removeFolder, sharedView, syncAll, tempFolder, type Device } from '../support/syncPair'
import { byDepth, propertySeed } from '../support/testDepth'

/**
 * Random work on two machines with the moments one decides alone mixed in: sync turned off and
 * on again, a restore of a backup taken earlier, a goal deleted while its milestone is edited on
 * the other. Whatever the order, once both sync to the end they hold the same rows and nothing
 * is left waiting for a parent.
 */
const side = fc.constantFrom(0, 1)
const op = fc.oneof(
  fc.record({ t: fc.constant('goal' as const), on: side, milestones: fc.nat({ max: 2 }) }),
  fc.record({ t: fc.constant('editGoal' as const), on: side, pick: fc.nat(), priority: fc.constantFrom('low' as const, 'high' as const) }),
  fc.record({ t: fc.constant('editMilestone' as const), on: side, pick: fc.nat(), title: fc.constantFrom('first step', 'next step') }),
  fc.record({ t: fc.constant('removeGoal' as const), on: side, pick: fc.nat() }),
  fc.record({ t: fc.constant('sync' as const), on: side }),
  fc.record({ t: fc.constant('off' as const), on: side }),
  fc.record({ t: fc.constant('on' as const), on: side }),
  fc.record({ t: fc.constant('backup' as const), on: side }),
  fc.record({ t: fc.constant('restore' as const), on: side }),
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

const pickFrom = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length])

async function scenario(ops: readonly Op[]): Promise<void> {
  const folder = tempFolder()
  const devices: [Device, Device] = [await openDevice('a'), await openDevice('b')]
  const on = [true, true]
  const backups: [string | null, string | null] = [null, null]
  let count = 0
  try {
    for (const d of devices) await d.join(folder)
    for (const o of ops) {
      const d = devices[o.on]
      const goals = await must(d.api.goals.list({}))
      switch (o.t) {
        case 'goal':
          await must(d.api.goals.create({ title: `Goal ${++count}`, milestones: Array.from({ length: o.milestones }, (_, i) => ({ title: `Step ${i}`, done: false })) }))
          break
        case 'editGoal': {
          const goal = pickFrom(goals, o.pick)
          if (goal) await must(d.api.goals.update({ goalId: goal.id, priority: o.priority }))
          break
        }
        case 'editMilestone': {
          const milestone = pickFrom(goals.flatMap((g) => g.milestones), o.pick)
          if (milestone) await must(d.api.goals.updateMilestone({ milestoneId: milestone.id, title: o.title }))
          break
        }
        case 'removeGoal': {
          const goal = pickFrom(goals, o.pick)
          if (goal) await must(d.api.goals.remove({ goalId: goal.id }))
          break
        }
        case 'sync':
          if (on[o.on]) await d.sync()
          break
        case 'off':
          if (on[o.on]) await must(d.api.sync.disable({}))
          on[o.on] = false
          break
        case 'on':
          if (!on[o.on]) await d.join(folder)
          on[o.on] = true
          break
        case 'backup':
          backups[o.on] = (await must(d.api.backups.create({}))).name
          break
        case 'restore': {
          const name = backups[o.on]
          if (name) await must(d.api.backups.restore({ name }))
          break
        }
      }
    }
    for (const [i, d] of devices.entries()) if (!on[i] || !(await must(d.api.sync.status({}))).enabled) await d.join(folder)
    await syncAll(...devices)
    const [a, b] = devices
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
    for (const d of devices) expect((await must(d.api.sync.status({}))).notices.filter((n) => n.kind === 'unapplied')).toEqual([])
  } finally {
    devices.forEach((d) => d.core.dispose())
    removeFolder(folder)
  }
}

describe('sync with restores and sync turned off and on, under random work', () => {
  it('ends with both machines holding the same rows, nothing left waiting', { timeout: byDepth(120_000, 900_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 20 }), (ops) => scenario(ops)),
      { seed: propertySeed('RECONCILE_SEED'), numRuns: byDepth(8, 40), endOnFailure: true },
    )
  })
})
