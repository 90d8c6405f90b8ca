import { copyFileSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { must } from '../support/api'
import { goalTitles, openDevice, removeFolder, sharedView, syncAll, tempFolder, type Device } from '../support/syncPair'
import { byDepth, propertySeed } from '../support/testDepth'

/**
 * Random work on two machines, interleaved with partial syncs, restarts, and a folder that
 * misbehaves the way sync tools do: files duplicated under another name, arriving late (out
 * of order), or half-copied for a while. After everything arrives and both sync to the end,
 * both stores hold the same rows, and nothing made and never deleted is missing from either.
 */
const side = fc.constantFrom(0, 1)
const op = fc.oneof(
  fc.record({ t: fc.constant('goal' as const), on: side }),
  fc.record({ t: fc.constant('editGoal' as const), on: side, pick: fc.nat(), priority: fc.constantFrom('low' as const, 'high' as const), description: fc.constantFrom('first', 'second') }),
  fc.record({ t: fc.constant('removeGoal' as const), on: side, pick: fc.nat() }),
  fc.record({ t: fc.constant('activity' as const), on: side, month: fc.constantFrom('01', '02', '07') }),
  fc.record({ t: fc.constant('editActivity' as const), on: side, pick: fc.nat(), notes: fc.constantFrom('rebased', 'merged fast') }),
  fc.record({ t: fc.constant('removeActivity' as const), on: side, pick: fc.nat() }),
  fc.record({ t: fc.constant('status' as const), on: side, item: fc.constantFrom('skill.javascript', 'skill.algorithms'), status: fc.constantFrom('in-progress' as const, 'done' as const) }),
  fc.record({ t: fc.constant('sync' as const), on: side }),
  fc.record({ t: fc.constant('restart' as const), on: side }),
  fc.record({ t: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('delay' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('truncate' as const), pick: fc.nat() }),
)
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

function changeFiles(folder: string): string[] {
  const devices = join(folder, 'devices')
  return readdirSync(devices)
    .flatMap((d) => readdirSync(join(devices, d)).filter((f) => /^[a-z0-9-]+\.\d+\.pfs$/.test(f)).map((f) => join(devices, d, f)))
    .sort()
}

const pickFrom = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length])

async function scenario(ops: readonly Op[]): Promise<void> {
  const folder = tempFolder()
  const devices: [Device, Device] = [await openDevice('a'), await openDevice('b')]
  // Folder misbehaviour to put right before the final sync: late files arrive, truncated ones finish.
  const settle: (() => void)[] = []
  const made: string[] = []
  const removed = new Set<string>()
  let count = 0
  const name = (what: string): string => `${what} ${++count}`

  async function apply(o: Op): Promise<void> {
    if (o.t === 'duplicate' || o.t === 'delay' || o.t === 'truncate') {
      const file = pickFrom(changeFiles(folder), o.pick)
      if (!file) return
      if (o.t === 'duplicate') copyFileSync(file, `${file.replace(/\.pfs$/, '')} (conflicted copy).pfs`)
      if (o.t === 'delay') {
        renameSync(file, `${file}.late`)
        settle.push(() => renameSync(`${file}.late`, file))
      }
      if (o.t === 'truncate') {
        const whole = readFileSync(file)
        writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)))
        settle.push(() => writeFileSync(file, whole))
      }
      return
    }
    const d = devices[o.on]
    const { api } = d
    switch (o.t) {
      case 'goal': {
        const title = name('Goal')
        await must(api.goals.create({ title }))
        made.push(title)
        return
      }
      case 'editGoal': {
        const goal = pickFrom(await must(api.goals.list({})), o.pick)
        if (goal) await must(api.goals.update({ goalId: goal.id, priority: o.priority, description: o.description }))
        return
      }
      case 'removeGoal': {
        const goal = pickFrom(await must(api.goals.list({})), o.pick)
        if (!goal) return
        await must(api.goals.remove({ goalId: goal.id }))
        removed.add(goal.title)
        return
      }
      case 'activity': {
        const title = name('Activity')
        await must(api.activities.create({ kind: 'learning', date: `2027-${o.month}-10`, title }))
        made.push(title)
        return
      }
      case 'editActivity': {
        const row = pickFrom((await must(api.activities.list({ limit: 500 }))).rows, o.pick)
        if (row) await must(api.activities.update({ id: row.id, notes: o.notes }))
        return
      }
      case 'removeActivity': {
        const row = pickFrom((await must(api.activities.list({ limit: 500 }))).rows, o.pick)
        if (!row) return
        await must(api.activities.remove({ id: row.id }))
        removed.add(row.title)
        return
      }
      case 'status':
        await must(api.roadmap.setStatus({ itemId: o.item, status: o.status }))
        return
      case 'sync':
        await d.sync()
        return
      case 'restart':
        devices[o.on] = await d.restart()
        return
    }
  }

  try {
    for (const d of devices) await d.join(folder)
    for (const o of ops) await apply(o)
    settle.forEach((put) => put())
    await syncAll(...devices)
    const [a, b] = devices
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
    const onA = [...(await goalTitles(a.api)), ...(await must(a.api.activities.list({ limit: 500 }))).rows.map((r) => r.title)]
    for (const title of made.filter((t) => !removed.has(t))) expect(onA).toContain(title)
  } finally {
    devices.forEach((d) => d.core.dispose())
    removeFolder(folder)
  }
}

describe('sync under random work and a misbehaving folder', () => {
  it('ends with both machines holding the same rows and every kept write', { timeout: byDepth(60_000, 600_000) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 24 }), (ops) => scenario(ops)),
      { seed: propertySeed('SYNC_SEED'), numRuns: byDepth(8, 60), endOnFailure: true },
    )
  })
})
