import { afterEach, describe, expect, it } from 'vitest'
import { must, refused } from '../support/api'
import { joinedPair, openDevice, syncAll, type Device } from '../support/syncPair'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.reverse().forEach((c) => c())
  cleanups = []
})

const pair = () => joinedPair(cleanups)

const goalOn = async (d: Device, title: string): Promise<number> => {
  const goal = (await must(d.api.goals.list({}))).find((g) => g.title === title)
  if (!goal) throw new Error(`${d.name} has no goal "${title}"`)
  return goal.id
}

/** One goal, its title changed on both machines while apart, then synced. */
async function titleEditedOnBoth() {
  const { a, b } = await pair()
  const goalA = (await must(a.api.goals.create({ title: 'Write a blog post', milestones: [{ title: 'Outline', done: false }] }))).id
  await syncAll(a, b)
  const goalB = await goalOn(b, 'Write a blog post')
  await must(a.api.goals.update({ goalId: goalA, title: 'Post about streams' }))
  await must(b.api.goals.update({ goalId: goalB, title: 'Post about backpressure' }))
  await syncAll(a, b)
  const kept = (await must(a.api.goals.get({ goalId: goalA }))).title
  const other = kept === 'Post about streams' ? 'Post about backpressure' : 'Post about streams'
  return { a, b, goalA, goalB, kept, other }
}

describe('sync notices on the item they are about', () => {
  it('a goal title edited on both machines is a notice about that goal, by each machine’s own id', async () => {
    const { a, b, goalA, goalB, kept, other } = await titleEditedOnBoth()
    for (const [d, id] of [[a, goalA], [b, goalB]] as const) {
      const { enabled, notices } = await must(d.api.sync.notices({ about: { kind: 'goal', id } }))
      expect(enabled).toBe(true)
      expect(notices).toEqual([expect.objectContaining({ kind: 'conflict', subject: { kind: 'goal', id }, table: 'goal', field: 'title', fieldLabel: 'title', kept, other })])
    }
    // Another goal, or the activities, have nothing to show.
    const elsewhere = (await must(a.api.goals.create({ title: 'Unrelated' }))).id
    expect((await must(a.api.sync.notices({ about: { kind: 'goal', id: elsewhere } }))).notices).toEqual([])
    expect((await must(a.api.sync.notices({ about: { kind: 'activity' } }))).notices).toEqual([])
    expect((await must(a.api.sync.notices({}))).notices.map((n) => n.subject)).toEqual([{ kind: 'goal', id: goalA }])
  })

  it('“Use the other value” settles it on this machine, and the other machine follows', async () => {
    const { a, b, goalA, goalB, other } = await titleEditedOnBoth()
    const [notice] = (await must(a.api.sync.notices({ about: { kind: 'goal', id: goalA } }))).notices
    await must(a.api.sync.useOther({ id: notice?.id ?? 0 }))
    expect((await must(a.api.goals.get({ goalId: goalA }))).title).toBe(other)
    expect((await must(a.api.sync.notices({ about: { kind: 'goal', id: goalA } }))).notices).toEqual([])
    await syncAll(a, b)
    expect((await must(b.api.goals.get({ goalId: goalB }))).title).toBe(other)
    expect((await must(b.api.sync.notices({ about: { kind: 'goal', id: goalB } }))).notices).toEqual([])
  })

  // “Keep this one”, and both choices reaching the other machine: sync.settleConflict.test.ts.

  it('refused inputs say why and change nothing', async () => {
    const { a, goalA, kept } = await titleEditedOnBoth()
    const before = await must(a.api.sync.notices({}))
    const asks: unknown[] = [
      { about: { kind: 'goal', id: -1 } },
      { about: { kind: 'goal', id: 1.5 } },
      { about: { kind: 'task', id: 1 } },
      { about: { kind: 'item', id: '' } },
      { about: { kind: 'activity', id: 'seven' } },
      { about: { kind: 'goal', id: goalA, extra: true } },
      { everything: true },
    ]
    for (const ask of asks) {
      const result = await a.core.dispatch('sync.notices', ask)
      expect(result.ok, JSON.stringify(ask)).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('invalid-input')
    }
    expect((await refused(a.core.dispatch('sync.notices', { about: { kind: 'task' } }))).message).toMatch(/goal, a milestone, an activity or a roadmap item/)
    expect((await refused(a.api.sync.notices({ about: { kind: 'goal', id: 0 } }))).message).toMatch(/Choose a goal/)
    for (const bad of [{ id: 0 }, { id: -3 }, { id: 2.5 }]) {
      await refused(a.api.sync.useOther(bad))
      await refused(a.api.sync.dismiss(bad))
    }
    await refused(a.core.dispatch('sync.dismiss', { id: '1' }))
    // A notice settled meanwhile is said to be gone, and nothing else moves.
    await refused(a.api.sync.useOther({ id: 99_999 }))
    expect(await must(a.api.sync.notices({}))).toEqual(before)
    expect((await must(a.api.goals.get({ goalId: goalA }))).title).toBe(kept)
  })

  it('a milestone, an activity and a roadmap item each resolve to their own local id', async () => {
    const { a, b } = await pair()
    const goalA = await must(a.api.goals.create({ title: 'Learn Rust', milestones: [{ title: 'Read the book', done: false }] }))
    const activityA = await must(a.api.activities.create({ kind: 'pull-request', date: '2027-03-04', title: 'Fix the router' }))
    await syncAll(a, b)
    const goalB = await must(b.api.goals.get({ goalId: await goalOn(b, 'Learn Rust') }))
    const activityB = (await must(b.api.activities.list({}))).rows.find((r) => r.title === 'Fix the router')
    const [milestoneA] = goalA.milestones
    const [milestoneB] = goalB.milestones
    if (!milestoneA || !milestoneB || !activityB) throw new Error('the goal and activity should have synced')

    await must(a.api.goals.update({ goalId: goalA.id, milestones: [{ id: milestoneA.id, title: 'Read chapters 1-5', done: false }] }))
    await must(b.api.goals.update({ goalId: goalB.id, milestones: [{ id: milestoneB.id, title: 'Read the whole book', done: false }] }))
    await must(a.api.activities.update({ id: activityA.id, hours: 2 }))
    await must(b.api.activities.update({ id: activityB.id, hours: 5 }))
    await must(a.api.roadmap.setNote({ itemId: 'skill.javascript', note: 'Closures first' }))
    await must(b.api.roadmap.setNote({ itemId: 'skill.javascript', note: 'Async first' }))
    await syncAll(a, b)

    const onGoal = (await must(a.api.sync.notices({ about: { kind: 'goal', id: goalA.id } }))).notices
    expect(onGoal.map((n) => [n.subject, n.field])).toEqual([[{ kind: 'milestone', id: milestoneA.id, goalId: goalA.id }, 'title']])
    const onActivities = (await must(a.api.sync.notices({ about: { kind: 'activity' } }))).notices
    expect(onActivities.map((n) => [n.subject, n.field])).toEqual([[{ kind: 'activity', id: activityA.id }, 'hours']])
    const onItem = (await must(b.api.sync.notices({ about: { kind: 'item', id: 'skill.javascript' } }))).notices
    expect(onItem).toEqual([expect.objectContaining({ subject: { kind: 'item', id: 'skill.javascript' }, table: 'item_state', field: 'note' })])
    expect(new Set([onItem[0]?.kept, onItem[0]?.other])).toEqual(new Set(['Closures first', 'Async first']))
  })

  it('a goal deleted on one machine and edited on the other is a “kept the edit” notice on that goal', async () => {
    const { a, b } = await pair()
    const goal = await must(a.api.goals.create({ title: 'Contribute to Node.js' }))
    await syncAll(a, b)
    const onB = await goalOn(b, 'Contribute to Node.js')
    await must(a.api.goals.remove({ goalId: goal.id }))
    await must(b.api.goals.update({ goalId: onB, description: 'Start with the docs' }))
    await syncAll(a, b)
    const told = [
      ...(await must(a.api.sync.notices({ about: { kind: 'goal', id: await goalOn(a, 'Contribute to Node.js') } }))).notices,
      ...(await must(b.api.sync.notices({ about: { kind: 'goal', id: onB } }))).notices,
    ]
    expect(told.map((n) => [n.kind, n.field])).toEqual([['restored', '']])
  })

  it('a notice about a row not on this machine, or with a key that does not read, stays in Settings and breaks nothing', async () => {
    const { a, goalA } = await titleEditedOnBoth()
    const put = a.core.db.prepare("INSERT INTO sync_notice (kind, tbl, row_key, doc_id, field, kept, other, at) VALUES ('conflict', ?, ?, 'plan', 'title', '\"x\"', '\"y\"', '2027-03-15T12:00:00.000Z')")
    for (const [tbl, key] of [['goal', 'no-such-key'], ['item_state', 'not json'], ['item_state', '{"0":"skill.javascript"}'], ['goal_item', '[42]'], ['milestone', '["x"]'], ['setting', '["theme"]']]) put.run(tbl, key)
    const all = await must(a.api.sync.notices({}))
    expect(all.notices.map((n) => n.subject)).toEqual([{ kind: 'goal', id: goalA }])
    expect((await must(a.api.sync.status({}))).notices.length).toBe(7)
  })

  it('with sync off there is nothing to show and nothing is asked of the documents', async () => {
    const d = await openDevice('alone')
    cleanups.push(() => d.core.dispose())
    const goal = await must(d.api.goals.create({ title: 'Solo' }))
    expect(await must(d.api.sync.notices({ about: { kind: 'goal', id: goal.id } }))).toEqual({ enabled: false, notices: [], remoteChanges: 0 })
    expect(await must(d.api.sync.notices({}))).toEqual({ enabled: false, notices: [], remoteChanges: 0 })
  })
})
