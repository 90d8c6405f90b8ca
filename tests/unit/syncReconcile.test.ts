import { renameSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { must, refused } from '../support/api'
import { joinedPair, goalTitles, openDevice, removeFolder, sharedView, syncAll, tempFolder, type Device } from '../support/syncPair'

/**
 * Moments where one machine decides alone and the others must follow: rows deleted while sync
 * was off, a restore, a whole-data import. Everything else sync does is a merge (sync.test.ts).
 */
let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.reverse().forEach((c) => c())
  cleanups = []
})

/** A clock that moves a second per reading: rows made one after another differ in created_at. */
const tickingClock = (): (() => Date) => {
  let at = Date.parse('2027-03-15T12:00:00Z')
  return () => new Date((at += 1000))
}

const pair = () => joinedPair(cleanups, tickingClock)

const goalNamed = async (d: Device, title: string) => {
  const goal = (await must(d.api.goals.list({}))).find((g) => g.title === title)
  if (!goal) throw new Error(`${d.name} has no goal "${title}"`)
  return goal
}

const activityTitles = async (d: Device): Promise<string[]> => (await must(d.api.activities.list({ limit: 500 }))).rows.map((r) => r.title).sort()

describe('rows deleted while sync was off', () => {
  it('are deleted on the other machine once sync is on again, and nothing else is', async () => {
    const { a, b, folder } = await pair()
    const dropped = await must(a.api.goals.create({ title: 'Dropped while away', milestones: [{ title: 'Draft', done: false }] }))
    await must(a.api.goals.create({ title: 'Kept' }))
    const activity = await must(a.api.activities.create({ kind: 'learning', date: '2027-02-10', title: 'Read the Kafka book' }))
    await must(a.api.activities.create({ kind: 'learning', date: '2027-02-11', title: 'Watched a talk' }))
    await syncAll(a, b)
    expect(await goalTitles(b.api)).toEqual(['Dropped while away', 'Kept'])

    await must(a.api.sync.disable({}))
    await must(a.api.goals.remove({ goalId: dropped.id }))
    await must(a.api.activities.remove({ id: activity.id }))
    await must(a.api.goals.create({ title: 'Made while away' }))
    await a.join(folder)
    await syncAll(a, b)

    for (const d of [a, b]) {
      expect(await goalTitles(d.api)).toEqual(['Kept', 'Made while away'])
      expect(await activityTitles(d)).toEqual(['Watched a talk'])
    }
    expect(b.core.db.prepare('SELECT count(*) FROM milestone').pluck().get()).toBe(0)
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('rows the other machine made or edited meanwhile survive: they are not this machine’s deletions', async () => {
    const { a, b, folder } = await pair()
    await must(a.api.goals.create({ title: 'Shared' }))
    const both = await must(a.api.goals.create({ title: 'Deleted here, edited there' }))
    await syncAll(a, b)
    await must(a.api.sync.disable({}))
    await must(a.api.goals.remove({ goalId: both.id }))
    await must(b.api.goals.create({ title: 'Made at home meanwhile', milestones: [{ title: 'Start', done: false }] }))
    await must(b.api.goals.update({ goalId: (await goalNamed(b, 'Deleted here, edited there')).id, description: 'Still wanted' }))
    await must(b.api.activities.create({ kind: 'learning', date: '2027-03-01', title: 'Logged at home' }))
    await b.sync()
    await a.join(folder)
    await syncAll(a, b)

    for (const d of [a, b]) {
      expect(await goalTitles(d.api)).toEqual(['Deleted here, edited there', 'Made at home meanwhile', 'Shared'])
      expect((await goalNamed(d, 'Made at home meanwhile')).milestones.map((m) => m.title)).toEqual(['Start'])
      expect((await goalNamed(d, 'Deleted here, edited there')).description).toBe('Still wanted')
      expect(await activityTitles(d)).toEqual(['Logged at home'])
    }
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('an id handed out again while sync was off is a new row, not an edit of the deleted one', async () => {
    const { a, b, folder } = await pair()
    await must(a.api.goals.create({ title: 'First' }))
    const last = await must(a.api.goals.create({ title: 'Deleted while away' }))
    await syncAll(a, b)
    await must(a.api.sync.disable({}))
    await must(a.api.goals.remove({ goalId: last.id }))
    const reused = await must(a.api.goals.create({ title: 'New while away' }))
    expect(reused.id).toBe(last.id)
    // B edits the row A deleted: had A's new row taken its key, this edit would land on it.
    await must(b.api.goals.update({ goalId: (await goalNamed(b, 'Deleted while away')).id, priority: 'high' }))
    await b.sync()
    await a.join(folder)
    await syncAll(a, b)
    for (const d of [a, b]) {
      expect(await goalTitles(d.api)).toEqual(['Deleted while away', 'First', 'New while away'])
      expect((await goalNamed(d, 'New while away')).priority).not.toBe('high')
    }
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })
})

describe('a restore or a whole-data import with sync on', () => {
  /** Work on both machines, synced; a goal G and an edit made after the `snapshot`; then `goBack` on A. */
  async function afterGoingBack(snapshot: (a: Device) => Promise<(a: Device) => Promise<unknown>>) {
    const { a, b } = await pair()
    const plan = await must(a.api.goals.create({ title: 'Learn Rust', priority: 'low', milestones: [{ title: 'The book', done: false }] }))
    await must(b.api.goals.create({ title: 'Made at home before' }))
    await must(a.api.activities.create({ kind: 'learning', date: '2027-01-05', title: 'Rustlings' }))
    await syncAll(a, b)
    const goBack = await snapshot(a)

    await must(a.api.goals.create({ title: 'G, after the snapshot' }))
    await must(a.api.goals.update({ goalId: plan.id, priority: 'high' }))
    await must(b.api.activities.create({ kind: 'learning', date: '2027-04-02', title: 'Logged at home after the snapshot' }))
    await syncAll(a, b)
    expect(await goalTitles(b.api)).toContain('G, after the snapshot')
    expect((await goalNamed(b, 'Learn Rust')).priority).toBe('high')

    await goBack(a)
    // Made on B after A went back, before B heard of it: not undone.
    await must(b.api.goals.create({ title: 'Made at home after' }))
    await syncAll(a, b)
    return { a, b }
  }

  async function expectWentBack(a: Device, b: Device): Promise<void> {
    for (const d of [a, b]) {
      expect(await goalTitles(d.api)).toEqual(['Learn Rust', 'Made at home after', 'Made at home before'])
      const rust = await goalNamed(d, 'Learn Rust')
      expect(rust.priority).toBe('low')
      expect(rust.milestones.map((m) => m.title)).toEqual(['The book'])
      expect(await activityTitles(d)).toEqual(['Rustlings'])
    }
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
    // Nothing was set aside: the other machine applied every row A imposed.
    expect((await must(b.api.sync.status({}))).notices.filter((n) => n.kind !== 'conflict')).toEqual([])
  }

  it('a restore is imposed on the other machine: what came after the backup is undone there too', async () => {
    const { a, b } = await afterGoingBack(async (a) => {
      const backup = await must(a.api.backups.create({}))
      return (d) => must(d.api.backups.restore({ name: backup.name }))
    })
    await expectWentBack(a, b)
  })

  it('a whole-data import is imposed on the other machine the same way', async () => {
    const { a, b } = await afterGoingBack(async (a) => {
      const exported = await must(a.api.data.exportAll({}))
      return (d) => must(d.api.data.importAll({ json: exported.json }))
    })
    expect((await must(a.api.sync.status({}))).enabled).toBe(true)
    await expectWentBack(a, b)
  })

  it('a milestone edited on B while A restores a backup without its goal brings the goal back: the edit wins', async () => {
    const { a, b } = await pair()
    const backup = await must(a.api.backups.create({}))
    await must(a.api.goals.create({ title: 'After the backup', milestones: [{ title: 'Step one', done: false }, { title: 'Step two', done: false }] }))
    await syncAll(a, b)
    await must(a.api.backups.restore({ name: backup.name }))
    const step = (await goalNamed(b, 'After the backup')).milestones.find((m) => m.title === 'Step one')
    await must(b.api.goals.updateMilestone({ milestoneId: step?.id ?? 0, title: 'Step one, edited at home' }))
    await syncAll(a, b)
    for (const d of [a, b]) expect((await goalNamed(d, 'After the backup')).milestones.map((m) => m.title)).toEqual(['Step one, edited at home', 'Step two'])
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('a backup taken with sync on, restored while it is off, syncs again as a new device and is imposed', async () => {
    const { a, b } = await pair()
    await must(a.api.goals.create({ title: 'Before the backup' }))
    await syncAll(a, b)
    const backup = await must(a.api.backups.create({}))
    const oldDevice = (await must(a.api.sync.status({}))).deviceId
    await must(a.api.goals.create({ title: 'After the backup' }))
    await syncAll(a, b)
    await must(a.api.sync.disable({}))
    await must(a.api.backups.restore({ name: backup.name }))
    await syncAll(a, b)
    const status = await must(a.api.sync.status({}))
    expect(status.enabled).toBe(true)
    expect(status.deviceId).not.toBe(oldDevice)
    for (const d of [a, b]) expect(await goalTitles(d.api)).toEqual(['Before the backup'])
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('a backup from before sync was on takes this store’s sync bookkeeping, and is imposed the same way', async () => {
    const folder = tempFolder()
    const a = await openDevice('laptop', undefined, tickingClock())
    const b = await openDevice('home', undefined, tickingClock())
    cleanups.push(() => removeFolder(folder), () => a.core.dispose(), () => b.core.dispose())
    const kept = await must(a.api.goals.create({ title: 'Before sync', priority: 'low' }))
    const backup = await must(a.api.backups.create({}))
    await a.join(folder)
    await b.join(folder)
    await must(a.api.goals.update({ goalId: kept.id, priority: 'high' }))
    await must(a.api.goals.create({ title: 'After the backup' }))
    await syncAll(a, b)
    await must(a.api.backups.restore({ name: backup.name }))
    await syncAll(a, b)
    for (const d of [a, b]) {
      expect(await goalTitles(d.api)).toEqual(['Before sync'])
      expect((await goalNamed(d, 'Before sync')).priority).toBe('low')
      expect((await must(d.api.sync.status({}))).enabled).toBe(true)
    }
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('a restore while the folder is out of reach stays due, across a restart, until the folder is back', async () => {
    const { a, b, folder } = await pair()
    await must(a.api.goals.create({ title: 'Before the backup' }))
    await syncAll(a, b)
    const backup = await must(a.api.backups.create({}))
    await must(a.api.goals.create({ title: 'After the backup' }))
    await syncAll(a, b)
    renameSync(folder, `${folder}.away`)
    await must(a.api.backups.restore({ name: backup.name }))
    const error = await refused(a.api.sync.syncNow({}))
    expect(error.message).toMatch(/cannot be read now/)
    const a2 = await a.restart()
    cleanups.push(() => a2.close())
    renameSync(`${folder}.away`, folder)
    await syncAll(a2, b)
    for (const d of [a2, b]) expect(await goalTitles(d.api)).toEqual(['Before the backup'])
    expect(a2.core.db.prepare('SELECT reconcile FROM sync_state').pluck().get()).toBeNull()
    expect(sharedView(b.core.db)).toEqual(sharedView(a2.core.db))
  })
})
