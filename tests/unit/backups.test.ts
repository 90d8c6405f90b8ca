import { closeSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BackupInfo } from '@shared/domain/backups'
import { backupsDir, keepAutomaticBackups, listBackups, rotateBackups, writeBackup } from '../../electron/core/store/backupFiles'
import { sqliteOpener } from '../../electron/core/store/database'
import { apiOf, must, refused } from '../support/api'
import { openTempCore } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const { open } = useTempCores()

const day = (iso: string) => () => new Date(iso)
const statusOf = (core: Awaited<ReturnType<typeof open>>, itemId: string) =>
  core.db.prepare<[string], { status: string }>('SELECT status FROM item_state WHERE item_id = ?').get(itemId)?.status ?? 'not-started'

describe('automatic backups', () => {
  it('backs up on the first start of each day, not on a new store or a second start that day', async () => {
    const first = await open({ now: day('2026-03-01T08:00:00Z') })
    expect(listBackups(first.dataDir)).toEqual([])
    first.close()

    const again = await openTempCore({ dataDir: first.dataDir, now: day('2026-03-01T09:00:00Z') })
    again.close()
    const sameDay = await openTempCore({ dataDir: first.dataDir, now: day('2026-03-01T23:00:00Z') })
    sameDay.close()
    const nextDay = await openTempCore({ dataDir: first.dataDir, now: day('2026-03-02T07:00:00Z') })
    nextDay.close()

    expect(listBackups(first.dataDir).map((b) => [b.reason, b.createdAt])).toEqual([
      ['daily', '2026-03-02T07:00:00.000Z'],
      ['daily', '2026-03-01T09:00:00.000Z'],
    ])
  })

  it('keeps the newest 14 automatic backups and every backup the person made', async () => {
    const core = await open()
    const openSqlite = sqliteOpener()
    const manual = await writeBackup(core.db, core.dataDir, 'manual', new Date('2026-01-01T00:00:00Z'), openSqlite)
    for (let i = 0; i < 20; i++) {
      await writeBackup(core.db, core.dataDir, i % 2 ? 'daily' : 'before-import', new Date(Date.UTC(2026, 0, 2 + i)), openSqlite)
    }
    const kept = listBackups(core.dataDir)
    expect(kept.filter((b) => b.automatic)).toHaveLength(keepAutomaticBackups)
    expect(kept.filter((b) => b.automatic).at(-1)?.createdAt).toBe('2026-01-08T00:00:00.000Z')
    expect(kept.find((b) => b.name === manual.name)).toBeDefined()
    expect(rotateBackups(core.dataDir)).toEqual([])
    // Nothing but complete backups in the folder: no partial files, no journals.
    expect(readdirSync(backupsDir(core.dataDir)).sort()).toEqual(kept.map((b) => b.name).sort())
  })

  it('gives two backups taken in the same millisecond different names', async () => {
    const core = await open()
    const at = new Date('2026-05-05T05:05:05.005Z')
    const a = await writeBackup(core.db, core.dataDir, 'manual', at, sqliteOpener())
    const b = await writeBackup(core.db, core.dataDir, 'manual', at, sqliteOpener())
    expect(a.name).not.toBe(b.name)
    expect(listBackups(core.dataDir).map((x) => x.name)).toEqual([b.name, a.name])
  })

  it('writes two backups that overlap, neither taking the other’s half-written copy for a leftover', async () => {
    const core = await open()
    // Enough pages that a copy is still being written when the second one starts.
    core.db.exec("CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO filler SELECT printf('%.200c', 'x') FROM n")
    const openSqlite = sqliteOpener()
    const writing = writeBackup(core.db, core.dataDir, 'first-data', new Date('2026-05-05T05:05:05.005Z'), openSqlite)
    const partial = () => existsSync(backupsDir(core.dataDir)) && readdirSync(backupsDir(core.dataDir)).some((f) => f.endsWith('.partial'))
    while (!partial()) await new Promise((resolve) => setImmediate(resolve))
    const [first, second] = await Promise.all([writing, writeBackup(core.db, core.dataDir, 'before-import', new Date('2026-05-05T05:05:05.006Z'), openSqlite)])
    expect(listBackups(core.dataDir).map((x) => x.name).sort()).toEqual([first.name, second.name].sort())
    expect(readdirSync(backupsDir(core.dataDir)).filter((f) => f.endsWith('.partial'))).toEqual([])
  })
})

describe('backups channels', () => {
  it('lists backups with name, date, size and reason; create makes a manual one', async () => {
    const core = await open({ now: day('2026-04-04T10:00:00Z') })
    const api = apiOf(core)
    expect(await must(api.backups.list({}))).toEqual([])
    const made = await must(api.backups.create({}))
    expect(made).toMatchObject({ reason: 'manual', automatic: false, createdAt: '2026-04-04T10:00:00.000Z' })
    expect(made.size).toBeGreaterThan(4096)
    expect(await must(api.backups.list(undefined))).toEqual([made])
  })

  it('restores a backup, backing up the current state first, and serves the restored data at once', async () => {
    let clock = new Date('2026-04-04T10:00:00Z')
    const core = await open({ now: () => clock })
    const api = apiOf(core)
    await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'done' }))
    const saved = await must(api.backups.create({}))
    clock = new Date('2026-04-04T11:00:00Z')
    await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'skipped' }))
    await must(api.roadmap.setStatus({ itemId: 'skill.data-structures', status: 'in-progress' }))

    // A call made while the restore runs waits for it and sees the restored store.
    const [result, during] = await Promise.all([api.backups.restore({ name: saved.name }), api.roadmap.history({ itemId: 'skill.algorithms' })])
    const restored = result.ok ? result.value : undefined
    expect(restored?.restored.name).toBe(saved.name)
    expect(restored?.safetyBackup.reason).toBe('before-restore')
    expect(during.ok && during.value.map((h) => h.to)).toEqual(['done'])
    expect(statusOf(core, 'skill.algorithms')).toBe('done')
    expect(statusOf(core, 'skill.data-structures')).toBe('not-started')
    const item = await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'in-progress' }))
    expect(item.status).toBe('in-progress')

    // The safety backup holds the state the restore replaced.
    if (!restored) throw new Error('restore failed')
    await must(api.backups.restore({ name: restored.safetyBackup.name }))
    expect(statusOf(core, 'skill.algorithms')).toBe('skipped')
    expect(statusOf(core, 'skill.data-structures')).toBe('in-progress')
    expect(existsSync(join(core.dataDir, 'pathfinder.sqlite.restoring'))).toBe(false)
  })

  it('accepts only names from the list', async () => {
    const core = await open()
    const api = apiOf(core)
    const backup = await must(api.backups.create({}))
    for (const name of ['../pathfinder.sqlite', join(backupsDir(core.dataDir), backup.name), `${backup.name}/..`, 'pathfinder.sqlite', `./${backup.name}`, '..']) {
      expect(await refused(api.backups.restore({ name }))).toMatchObject({ code: 'not-found' })
    }
    expect(await refused(api.backups.restore({ name: '' }))).toMatchObject({ code: 'invalid-input' })
    expect(listBackups(core.dataDir)).toHaveLength(1)
  })

  it('refuses a backup that fails its integrity check and changes nothing', async () => {
    const core = await open()
    const api = apiOf(core)
    await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'done' }))
    const backup: BackupInfo = await must(api.backups.create({}))
    const fd = openSync(join(backupsDir(core.dataDir), backup.name), 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2)
    closeSync(fd)
    await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'skipped' }))
    // The store's first backup (after its first change) and the damaged one.
    const backupsBefore = listBackups(core.dataDir).map((b) => b.name)
    expect(backupsBefore).toContain(backup.name)

    const error = await refused(api.backups.restore({ name: backup.name }))
    expect(error.code).toBe('conflict')
    expect(error.message).toMatch(/cannot be restored: .*Nothing was changed\./)
    expect(statusOf(core, 'skill.algorithms')).toBe('skipped')
    expect(listBackups(core.dataDir).map((b) => b.name)).toEqual(backupsBefore)
  })
})
