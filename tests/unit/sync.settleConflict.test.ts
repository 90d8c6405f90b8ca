import { afterEach, describe, expect, it } from 'vitest'
import type { ItemSyncNotice } from '@shared/domain/sync'
import { must } from '../support/api'
import { joinedPair, sharedView, syncAll, type Device } from '../support/syncPair'

/** A conflict settled on one machine is settled on all of them: both choices, and what is left alone. */

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.reverse().forEach((c) => c())
  cleanups = []
})

interface Pair {
  a: Device
  b: Device
  goalA: number
  goalB: number
}

/** Two machines with one goal, synced. */
async function pairWithGoal(): Promise<Pair> {
  const { a, b } = await joinedPair(cleanups)
  const goalA = (await must(a.api.goals.create({ title: 'Write a blog post', description: 'Once a month' }))).id
  await syncAll(a, b)
  const goalB = (await must(b.api.goals.list({}))).find((g) => g.title === 'Write a blog post')?.id
  if (goalB === undefined) throw new Error('the goal should have synced')
  return { a, b, goalA, goalB }
}

/** The goal's title changed on both machines while apart, then synced: the notice each machine shows. */
async function editTitleOnBoth({ a, b, goalA, goalB }: Pair, onA: string, onB: string): Promise<{ onA: ItemSyncNotice; onB: ItemSyncNotice }> {
  await must(a.api.goals.update({ goalId: goalA, title: onA }))
  await must(b.api.goals.update({ goalId: goalB, title: onB }))
  await syncAll(a, b)
  const [noticeA] = await titleNotices(a, goalA)
  const [noticeB] = await titleNotices(b, goalB)
  if (!noticeA || !noticeB) throw new Error('both machines should show the conflict')
  expect([noticeA.kept, noticeA.other]).toEqual([noticeB.kept, noticeB.other])
  return { onA: noticeA, onB: noticeB }
}

const titleNotices = async (d: Device, goalId: number): Promise<ItemSyncNotice[]> =>
  (await must(d.api.sync.notices({ about: { kind: 'goal', id: goalId } }))).notices.filter((n) => n.kind === 'conflict' && n.field === 'title')

const titleOf = async (d: Device, goalId: number): Promise<string> => (await must(d.api.goals.get({ goalId }))).title

async function expectSettled(pair: Pair, title: string): Promise<void> {
  const { a, b, goalA, goalB } = pair
  expect(await titleOf(a, goalA)).toBe(title)
  expect(await titleOf(b, goalB)).toBe(title)
  expect((await must(a.api.sync.notices({}))).notices).toEqual([])
  expect((await must(b.api.sync.notices({}))).notices).toEqual([])
  expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
}

/** Settled once, the same field edited on both again is a conflict again, shown on both. */
async function expectNewConflictShown(pair: Pair): Promise<void> {
  const again = await editTitleOnBoth(pair, 'Post about queues', 'Post about retries')
  expect(new Set([again.onA.kept, again.onA.other])).toEqual(new Set(['Post about queues', 'Post about retries']))
}

describe('a conflict settled on one machine is settled on all of them', () => {
  it('“Keep this one” on A: B’s notice goes, both keep the value, and a later conflict still shows', async () => {
    const pair = await pairWithGoal()
    const { onA } = await editTitleOnBoth(pair, 'Post about streams', 'Post about backpressure')
    await must(pair.a.api.sync.dismiss({ id: onA.id }))
    expect(await titleNotices(pair.a, pair.goalA)).toEqual([])
    await syncAll(pair.a, pair.b)
    await expectSettled(pair, String(onA.kept))
    await expectNewConflictShown(pair)
  })

  it('“Use the other value” on A: B’s notice goes, both take it, and a later conflict still shows', async () => {
    const pair = await pairWithGoal()
    const { onA } = await editTitleOnBoth(pair, 'Post about streams', 'Post about backpressure')
    await must(pair.a.api.sync.useOther({ id: onA.id }))
    await syncAll(pair.a, pair.b)
    await expectSettled(pair, String(onA.other))
    await expectNewConflictShown(pair)
  })

  it('the other machine settling it from its side works the same (B keeps, A’s notice goes)', async () => {
    const pair = await pairWithGoal()
    const { onB } = await editTitleOnBoth(pair, 'Post about streams', 'Post about backpressure')
    await must(pair.b.api.sync.dismiss({ id: onB.id }))
    await syncAll(pair.b, pair.a)
    await expectSettled(pair, String(onB.kept))
  })

  it('an edit of another field of the row leaves the conflict shown on both machines', async () => {
    const pair = await pairWithGoal()
    const { onA } = await editTitleOnBoth(pair, 'Post about streams', 'Post about backpressure')
    await must(pair.a.api.goals.update({ goalId: pair.goalA, description: 'Twice a month' }))
    await syncAll(pair.a, pair.b)
    expect((await titleNotices(pair.a, pair.goalA)).map((n) => n.other)).toEqual([onA.other])
    expect((await titleNotices(pair.b, pair.goalB)).map((n) => n.other)).toEqual([onA.other])
    expect((await must(pair.b.api.goals.get({ goalId: pair.goalB }))).description).toBe('Twice a month')
  })

  it('typing a third value into the contested field settles it on both machines', async () => {
    const pair = await pairWithGoal()
    await editTitleOnBoth(pair, 'Post about streams', 'Post about backpressure')
    await must(pair.a.api.goals.update({ goalId: pair.goalA, title: 'Post about flow control' }))
    expect(await titleNotices(pair.a, pair.goalA)).toEqual([])
    await syncAll(pair.a, pair.b)
    await expectSettled(pair, 'Post about flow control')
  })

  it('both machines keeping the same value before they sync end settled, with no new notice', async () => {
    const pair = await pairWithGoal()
    const { onA, onB } = await editTitleOnBoth(pair, 'Post about streams', 'Post about backpressure')
    await must(pair.a.api.sync.dismiss({ id: onA.id }))
    await must(pair.b.api.sync.dismiss({ id: onB.id }))
    await syncAll(pair.a, pair.b)
    await expectSettled(pair, String(onA.kept))
    await expectNewConflictShown(pair)
  })

  it('keeping on A while B takes the other value, before they sync: the other value, on both, with no notice', async () => {
    // Automerge writes a kept value as the removal of the other one, which a concurrent write
    // over both values outlives: a choice of a value wins over keeping, on every machine alike.
    const pair = await pairWithGoal()
    const { onA, onB } = await editTitleOnBoth(pair, 'Post about streams', 'Post about backpressure')
    await must(pair.a.api.sync.dismiss({ id: onA.id }))
    await must(pair.b.api.sync.useOther({ id: onB.id }))
    await syncAll(pair.a, pair.b)
    await expectSettled(pair, String(onB.other))
  })

  it('a “kept the edit” notice dismissed stays dismissed, and writes nothing for the other machine', async () => {
    const pair = await pairWithGoal()
    const { a, b, goalA, goalB } = pair
    await must(a.api.goals.remove({ goalId: goalA }))
    await must(b.api.goals.update({ goalId: goalB, description: 'Start with the docs' }))
    await syncAll(a, b)
    const restored = async (d: Device) => (await must(d.api.sync.notices({}))).notices.filter((n) => n.kind === 'restored')
    const [told] = [...(await restored(a)), ...(await restored(b))]
    const teller = (await restored(a)).length > 0 ? a : b
    if (!told) throw new Error('a machine should say the edit kept the goal')
    const heads = (d: Device) => d.core.db.prepare('SELECT heads FROM sync_doc ORDER BY doc_id').pluck().all()
    const before = heads(teller)
    await must(teller.api.sync.dismiss({ id: told.id }))
    expect(heads(teller)).toEqual(before)
    await syncAll(a, b)
    expect([...(await restored(a)), ...(await restored(b))]).toEqual([])
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })
})

