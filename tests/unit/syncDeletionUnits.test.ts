import { afterEach, describe, expect, it } from 'vitest'
import { must } from '../support/api'
import { joinedPair, sharedView, syncAll, type Device } from '../support/syncPair'

/**
 * "Deleted on one machine, edited on the other: the edit wins" for a row and the children its
 * deletion takes along (a goal's milestones and links): the whole deletion is undone.
 */
let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.reverse().forEach((c) => c())
  cleanups = []
})

const pair = () => joinedPair(cleanups)

const goalsWithMilestones = async (d: Device) => (await must(d.api.goals.list({}))).map((g) => ({ title: g.title, milestones: g.milestones.map((m) => m.title) }))

describe('a deletion that meets an edit of a child or of the row itself', () => {
  it('a milestone edited on B brings back the goal A deleted, with all its milestones, and someone is told', async () => {
    const { a, b } = await pair()
    const goal = await must(a.api.goals.create({ title: 'Learn Go', milestones: [{ title: 'Tour of Go', done: false }, { title: 'A CLI tool', done: false }] }))
    await syncAll(a, b)
    const onB = (await must(b.api.goals.list({})))[0]
    const tour = onB?.milestones.find((m) => m.title === 'Tour of Go')
    await must(a.api.goals.remove({ goalId: goal.id }))
    await must(b.api.goals.updateMilestone({ milestoneId: tour?.id ?? 0, title: 'Tour of Go, all of it' }))
    await syncAll(a, b)
    for (const d of [a, b]) expect(await goalsWithMilestones(d)).toEqual([{ title: 'Learn Go', milestones: ['Tour of Go, all of it', 'A CLI tool'] }])
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
    // Whichever machine met the two first says so; neither is left waiting for the goal.
    const told = [...(await must(a.api.sync.status({}))).notices, ...(await must(b.api.sync.status({}))).notices]
    expect(told.filter((n) => n.kind === 'restored').map((n) => n.label)).toContain('Goal “Learn Go”')
    expect(told.filter((n) => n.kind === 'unapplied')).toEqual([])
  })

  it('a goal edited on B comes back with the milestones A’s deletion took along', async () => {
    const { a, b } = await pair()
    const goal = await must(a.api.goals.create({ title: 'Learn Go', milestones: [{ title: 'Tour of Go', done: false }, { title: 'A CLI tool', done: false }] }))
    await syncAll(a, b)
    await must(a.api.goals.remove({ goalId: goal.id }))
    await must(b.api.goals.update({ goalId: (await must(b.api.goals.list({})))[0]?.id ?? 0, description: 'Before the new job' }))
    await syncAll(a, b)
    for (const d of [a, b]) expect(await goalsWithMilestones(d)).toEqual([{ title: 'Learn Go', milestones: ['Tour of Go', 'A CLI tool'] }])
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('a goal edited on B comes back with its skill links; a milestone deleted on its own stays deleted', async () => {
    const { a, b } = await pair()
    const goal = await must(a.api.goals.create({ title: 'Learn Go', itemIds: ['skill.javascript', 'skill.algorithms'], milestones: [{ title: 'Tour of Go', done: false }, { title: 'Dropped step', done: false }] }))
    await syncAll(a, b)
    const dropped = goal.milestones.find((m) => m.title === 'Dropped step')
    await must(a.api.goals.removeMilestone({ milestoneId: dropped?.id ?? 0 }))
    await syncAll(a, b)
    await must(a.api.goals.remove({ goalId: goal.id }))
    await must(b.api.goals.update({ goalId: (await must(b.api.goals.list({})))[0]?.id ?? 0, priority: 'high' }))
    await syncAll(a, b)
    for (const d of [a, b]) {
      expect(await goalsWithMilestones(d)).toEqual([{ title: 'Learn Go', milestones: ['Tour of Go'] }])
      expect((await must(d.api.goals.list({})))[0]?.items.map((i) => i.id).sort()).toEqual(['skill.algorithms', 'skill.javascript'])
    }
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

})
