import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { must, refused } from '../support/api'
import { joinedPair, goalTitles, openDevice, removeFolder, sharedView, syncAll, tempFolder, type Device } from '../support/syncPair'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.reverse().forEach((c) => c())
  cleanups = []
})

const pair = () => joinedPair(cleanups)

const goalNamed = async (d: Device, title: string) => {
  const goal = (await must(d.api.goals.list({}))).find((g) => g.title === title)
  if (!goal) throw new Error(`${d.name} has no goal "${title}"`)
  return goal
}

describe('sync between two machines through a folder', () => {
  it('a goal made on A shows on B, with its milestones', async () => {
    const { a, b } = await pair()
    await must(a.api.goals.create({ title: 'Ship the API', milestones: [{ title: 'Design', done: false }, { title: 'Build', done: false }] }))
    await syncAll(a, b)
    const onB = await goalNamed(b, 'Ship the API')
    expect(onB.milestones.map((m) => m.title)).toEqual(['Design', 'Build'])
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('offline edits to different fields of one goal both survive', async () => {
    const { a, b } = await pair()
    const goal = await must(a.api.goals.create({ title: 'Learn Kafka', priority: 'low' }))
    await syncAll(a, b)
    const onB = await goalNamed(b, 'Learn Kafka')
    await must(a.api.goals.update({ goalId: goal.id, title: 'Learn Kafka Streams' }))
    await must(b.api.goals.update({ goalId: onB.id, priority: 'high' }))
    await syncAll(a, b)
    for (const d of [a, b]) {
      const merged = await goalNamed(d, 'Learn Kafka Streams')
      expect(merged.priority).toBe('high')
    }
    expect((await must(a.api.sync.status({}))).notices.filter((n) => n.kind === 'conflict')).toEqual([])
  })

  it('the same field edited on both converges to one value, and the other value is offered', async () => {
    const { a, b } = await pair()
    const goal = await must(a.api.goals.create({ title: 'Write a blog post' }))
    await syncAll(a, b)
    const onB = await goalNamed(b, 'Write a blog post')
    await must(a.api.goals.update({ goalId: goal.id, title: 'Post about streams' }))
    await must(b.api.goals.update({ goalId: onB.id, title: 'Post about backpressure' }))
    await syncAll(a, b)
    const titleA = (await must(a.api.goals.get({ goalId: goal.id }))).title
    const titleB = (await must(b.api.goals.get({ goalId: onB.id }))).title
    expect(titleA).toBe(titleB)
    const loser = titleA === 'Post about streams' ? 'Post about backpressure' : 'Post about streams'
    const status = await must(a.api.sync.status({}))
    const conflict = status.notices.find((n) => n.kind === 'conflict')
    expect(conflict).toMatchObject({ label: `Goal “${titleA}”`, field: 'title', kept: titleA, other: loser })
    // One click takes the other value, and the other machine follows.
    await must(a.api.sync.useOther({ id: conflict?.id ?? 0 }))
    await syncAll(a, b)
    expect((await must(b.api.goals.get({ goalId: onB.id }))).title).toBe(loser)
    expect((await must(a.api.sync.status({}))).notices.filter((n) => n.kind === 'conflict')).toEqual([])
  })

  it('a goal deleted on A and edited on B comes back on both, and A is told', async () => {
    const { a, b } = await pair()
    const goal = await must(a.api.goals.create({ title: 'Contribute to Node.js' }))
    await syncAll(a, b)
    const onB = await goalNamed(b, 'Contribute to Node.js')
    await must(a.api.goals.remove({ goalId: goal.id }))
    await must(b.api.goals.update({ goalId: onB.id, description: 'Start with the docs' }))
    await syncAll(a, b)
    for (const d of [a, b]) expect((await goalNamed(d, 'Contribute to Node.js')).description).toBe('Start with the docs')
    const told = (await must(a.api.sync.status({}))).notices.concat((await must(b.api.sync.status({}))).notices)
    expect(told.some((n) => n.kind === 'restored' && n.label === 'Goal “Contribute to Node.js”')).toBe(true)
  })

  it('the same pull request imported on both machines is one row', async () => {
    const folder = tempFolder()
    const a = await openDevice('laptop')
    const b = await openDevice('home')
    cleanups.push(() => removeFolder(folder), () => a.core.dispose(), () => b.core.dispose())
    const csv = 'date,kind,title,url,repo,state,key\n2027-03-01,pull-request,Fix the router,https://github.com/expressjs/express/pull/6001,expressjs/express,merged,github:pr:expressjs/express#6001\n'
    await must(a.api.imports.csvCommit({ text: csv }))
    await must(b.api.imports.csvCommit({ text: csv }))
    await a.join(folder)
    await b.join(folder)
    await syncAll(a, b)
    for (const d of [a, b]) expect((await must(d.api.activities.list({}))).rows.map((i) => i.title)).toEqual(['Fix the router'])
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('a machine that joins with data merges: seed content once, both goals kept, statuses merged', async () => {
    const folder = tempFolder()
    const a = await openDevice('laptop')
    const b = await openDevice('home')
    cleanups.push(() => removeFolder(folder), () => a.core.dispose(), () => b.core.dispose())
    await must(a.api.goals.create({ title: 'Goal from the laptop' }))
    await must(b.api.goals.create({ title: 'Goal from home' }))
    await must(a.api.roadmap.setStatus({ itemId: 'skill.javascript', status: 'done' }))
    await must(b.api.roadmap.setLevel({ itemId: 'skill.algorithms', level: 3 }))
    const nodesBefore = a.core.db.prepare('SELECT count(*) FROM roadmap_node').pluck().get()
    await a.join(folder)
    await b.join(folder)
    await syncAll(a, b)
    for (const d of [a, b]) {
      expect(await goalTitles(d.api)).toEqual(['Goal from home', 'Goal from the laptop'])
      expect(d.core.db.prepare('SELECT count(*) FROM roadmap_node').pluck().get()).toBe(nodesBefore)
      expect(d.core.db.prepare("SELECT status FROM item_state WHERE item_id = 'skill.javascript'").pluck().get()).toBe('done')
      expect(d.core.db.prepare("SELECT level FROM item_state WHERE item_id = 'skill.algorithms'").pluck().get()).toBe(3)
    }
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('a wrong passphrase is refused in words and changes nothing', async () => {
    const folder = tempFolder()
    const a = await openDevice('laptop')
    const b = await openDevice('home')
    cleanups.push(() => removeFolder(folder), () => a.core.dispose(), () => b.core.dispose())
    await a.join(folder)
    const error = await refused(b.api.sync.enable({ folder, passphrase: 'not the passphrase at all', deviceName: 'home' }))
    expect(error.message).toMatch(/passphrase does not open this sync folder/)
    expect((await must(b.api.sync.status({}))).enabled).toBe(false)
    expect(b.core.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sync_%'").pluck().get()).toBe(0)
  })

  it('a corrupted, truncated or foreign file in the folder is skipped and named; the rest still syncs', async () => {
    const { a, b, folder } = await pair()
    await must(a.api.goals.create({ title: 'First' }))
    await a.sync()
    const dir = join(folder, 'devices', (await must(a.api.sync.status({}))).deviceId ?? '')
    const [file] = readdirSync(dir).filter((f) => f.startsWith('plan.'))
    const whole = readFileSync(join(dir, file ?? ''))
    // Truncated in place (a sync tool mid-copy), plus junk and a file that is not ours.
    writeFileSync(join(dir, file ?? ''), whole.subarray(0, whole.length - 10))
    writeFileSync(join(dir, 'plan.999.pfs'), 'not sealed')
    writeFileSync(join(folder, 'notes.txt'), 'hello')
    await b.sync()
    const status = await must(b.api.sync.status({}))
    expect(status.unreadable.map((u) => u.file).sort()).toEqual([`devices/${status.devices[0]?.id}/${file}`, `devices/${status.devices[0]?.id}/plan.999.pfs`].sort())
    expect(await goalTitles(b.api)).toEqual([])
    // The file arrives whole later: it is merged then.
    writeFileSync(join(dir, file ?? ''), whole)
    await must(a.api.goals.create({ title: 'Second' }))
    await syncAll(a, b)
    expect(await goalTitles(b.api)).toEqual(['First', 'Second'])
  })

  it('leaving sync keeps every row, and writes stop going to the folder', async () => {
    const { a, b } = await pair()
    await must(a.api.goals.create({ title: 'Kept' }))
    await syncAll(a, b)
    const left = await must(b.api.sync.disable({}))
    expect(left.enabled).toBe(false)
    expect(await goalTitles(b.api)).toEqual(['Kept'])
    await must(b.api.goals.create({ title: 'Only here' }))
    expect(b.core.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0)
    await a.sync()
    expect(await goalTitles(a.api)).toEqual(['Kept'])
  })

  it('a restart loads the documents without replaying them into the tables, and keeps syncing', async () => {
    const { a, b } = await pair()
    await must(a.api.goals.create({ title: 'Before the restart' }))
    await syncAll(a, b)
    const b2 = await b.restart()
    cleanups.push(() => b2.close())
    expect(await goalTitles(b2.api)).toEqual(['Before the restart'])
    await must(a.api.goals.create({ title: 'After the restart' }))
    await syncAll(a, b2)
    expect(await goalTitles(b2.api)).toEqual(['After the restart', 'Before the restart'])
    expect(sharedView(b2.core.db)).toEqual(sharedView(a.core.db))
  })
})

describe('sync and a restore', () => {
  it('a store restored from a backup keeps syncing, never rewrites a file the other machine has read, and the other machine goes back with it', async () => {
    const { a, b, folder } = await pair()
    await must(a.api.goals.create({ title: 'Before the backup' }))
    await syncAll(a, b)
    const backup = await must(a.api.backups.create({}))
    await must(a.api.goals.create({ title: 'After the backup' }))
    await syncAll(a, b)
    const dir = join(folder, 'devices', (await must(a.api.sync.status({}))).deviceId ?? '')
    const before = new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]))
    await must(a.api.backups.restore({ name: backup.name }))
    await must(a.api.goals.create({ title: 'After the restore' }))
    await syncAll(a, b)
    for (const [file, bytes] of before) if (file !== 'device.pfs') expect(readFileSync(join(dir, file)).toString('base64'), file).toBe(bytes)
    // The restore is imposed, not merged: what came after the backup is gone on B too (syncReconcile.test.ts).
    for (const d of [a, b]) expect(await goalTitles(d.api)).toEqual(['After the restore', 'Before the backup'])
  })
})

describe('a folder that is not a Pathfinder sync folder', () => {
  it('a pathfinder-sync.json that is not ours is refused in words, and sync stays off', async () => {
    const folder = tempFolder()
    const a = await openDevice('laptop')
    cleanups.push(() => removeFolder(folder), () => a.core.dispose())
    writeFileSync(join(folder, 'pathfinder-sync.json'), JSON.stringify({ format: 'something-else' }))
    const error = await refused(a.api.sync.enable({ folder, passphrase: 'correct horse battery staple', deviceName: 'laptop' }))
    expect(error.message).toMatch(/not one Pathfinder can read/)
    expect((await must(a.api.sync.status({}))).enabled).toBe(false)
    const missing = await refused(a.api.sync.enable({ folder: join(folder, 'nowhere'), passphrase: 'correct horse battery staple', deviceName: 'laptop' }))
    expect(missing.message).toMatch(/There is no folder at/)
  })
})
