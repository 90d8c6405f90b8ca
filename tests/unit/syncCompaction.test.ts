import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { must } from '../support/api'
import { goalTitles, openDevice, removeFolder, sharedView, syncAll, tempFolder, type Device } from '../support/syncPair'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.reverse().forEach((c) => c())
  cleanups = []
})

async function device(name: string, folder: string): Promise<Device> {
  const d = await openDevice(name)
  cleanups.push(() => d.core.dispose())
  await d.join(folder)
  return d
}

async function setUp(): Promise<{ a: Device; b: Device; folder: string }> {
  const folder = tempFolder()
  cleanups.push(() => removeFolder(folder))
  return { a: await device('laptop', folder), b: await device('home', folder), folder }
}

const deviceDir = async (d: Device, folder: string): Promise<string> => join(folder, 'devices', (await must(d.api.sync.status({}))).deviceId ?? '')
const planFiles = (dir: string): { snapshots: string[]; changes: string[] } => {
  const names = readdirSync(dir).filter((f) => f.startsWith('plan.'))
  return { snapshots: names.filter((f) => f.startsWith('plan.snap.')), changes: names.filter((f) => /^plan\.\d+\.pfs$/.test(f)) }
}

/** Each goal its own pass, so each is its own change file in A's folder. */
async function writeGoals(a: Device, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await must(a.api.goals.create({ title: `Goal ${String(i).padStart(3, '0')}` }))
    await a.sync()
  }
}

const titles = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `Goal ${String(from + i).padStart(3, '0')}`)

describe('the folder is compacted: a snapshot per device and document', { timeout: 60_000 }, () => {
  it('after many writes a device holds one snapshot and a few change files for a document, and the other machine has every write', async () => {
    const { a, b, folder } = await setUp()
    await writeGoals(a, 0, 45)
    const files = planFiles(await deviceDir(a, folder))
    expect(files.snapshots).toHaveLength(1)
    expect(files.changes.length).toBeLessThan(32)
    await syncAll(a, b)
    expect(await goalTitles(b.api)).toEqual(titles(0, 45))
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
  })

  it('a machine joining later reads one snapshot per document from each device, and gets everything', async () => {
    const { a, b, folder } = await setUp()
    await writeGoals(a, 0, 40)
    await syncAll(a, b)
    const c = await device('office', folder)
    await syncAll(a, b, c)
    expect(await goalTitles(c.api)).toEqual(titles(0, 40))
    expect(sharedView(c.core.db)).toEqual(sharedView(a.core.db))
    // What C merged of A's plan: the snapshot and the few change files written after it.
    const aId = (await must(a.api.sync.status({}))).deviceId ?? ''
    const merged = c.core.db.prepare<[string], string>("SELECT file FROM sync_seen WHERE file LIKE ? || '/plan.%'").pluck().all(aId)
    expect(merged.filter((f) => f.includes('.snap.'))).toHaveLength(1)
    expect(merged.length).toBeLessThan(32)
  })

  it('a machine that merged older change files converges once they are replaced, and forgets their names', async () => {
    const { a, b, folder } = await setUp()
    await writeGoals(a, 0, 10)
    await b.sync()
    const aId = (await must(a.api.sync.status({}))).deviceId ?? ''
    const seenBefore = b.core.db.prepare<[string], string>("SELECT file FROM sync_seen WHERE file LIKE ? || '/plan.%'").pluck().all(aId)
    expect(seenBefore.length).toBeGreaterThan(5)
    // B is away while A writes on past a snapshot that replaces the files B merged.
    await writeGoals(a, 10, 40)
    for (const name of seenBefore) expect(readdirSync(await deviceDir(a, folder))).not.toContain(name.split('/')[1])
    await must(b.api.goals.create({ title: 'Written on B meanwhile' }))
    await syncAll(a, b)
    expect(await goalTitles(b.api)).toEqual([...titles(0, 50), 'Written on B meanwhile'].sort())
    expect(sharedView(b.core.db)).toEqual(sharedView(a.core.db))
    const seenAfter = new Set(b.core.db.prepare<[], string>('SELECT file FROM sync_seen').pluck().all())
    for (const name of seenBefore) expect(seenAfter.has(name)).toBe(false)
  })

  it('a truncated snapshot is skipped and named, and merged once it arrives whole; nothing is lost', async () => {
    const { a, folder } = await setUp()
    await writeGoals(a, 0, 35)
    const dir = await deviceDir(a, folder)
    const [snapshot] = planFiles(dir).snapshots
    const whole = readFileSync(join(dir, snapshot ?? ''))
    // A sync tool mid-copy: the newest snapshot is there, cut short.
    writeFileSync(join(dir, snapshot ?? ''), whole.subarray(0, whole.length - 100))
    const c = await device('office', folder)
    const status = await must(c.api.sync.status({}))
    expect(status.unreadable.map((u) => u.file)).toContain(`devices/${status.devices.find((d) => d.name === 'laptop')?.id}/${snapshot}`)
    expect((await goalTitles(c.api)).length).toBeLessThan(35)
    writeFileSync(join(dir, snapshot ?? ''), whole)
    await syncAll(a, c)
    expect(await goalTitles(c.api)).toEqual(titles(0, 35))
    expect((await must(c.api.sync.status({}))).unreadable).toEqual([])
    expect(sharedView(c.core.db)).toEqual(sharedView(a.core.db))
  })

  it('a machine that joins keeps each document as one whole save, and carries on from it after a restart', async () => {
    const { a, folder } = await setUp()
    await writeGoals(a, 0, 12)
    let c = await device('office', folder)
    const chunks = (): Buffer[] => c.core.db.prepare<[], Buffer>("SELECT bytes FROM sync_chunk WHERE doc_id = 'plan' ORDER BY seq").pluck().all()
    const [first, ...more] = chunks()
    expect(more).toEqual([])
    // A save of the document (compressed), not its changes one by one, which take several times the room.
    const held = Automerge.getBackend(Automerge.load(new Uint8Array(first ?? [])))
    expect(first?.length).toBe(held.save().length)
    expect(first?.length).toBeLessThan(held.saveSince([]).length)
    c = await c.restart()
    cleanups.push(() => c.core.dispose())
    await must(c.api.goals.create({ title: 'Written on C after a restart' }))
    await syncAll(c, a)
    expect(chunks()).toHaveLength(2)
    expect(await goalTitles(a.api)).toEqual([...titles(0, 12), 'Written on C after a restart'].sort())
    expect(sharedView(c.core.db)).toEqual(sharedView(a.core.db))
  })
})
