import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore, StoreOpenError } from '../../electron/core/core'
import { openWithRecovery } from '../../electron/core/host/openWithRecovery'
import { apiOf, must, refused } from '../support/api'
import { makeReadOnly, readOnlyFoldersWork } from '../support/readOnlyFolder'
import { snapshotStore } from '../support/storeSnapshot'
import { contentDir } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const { open, defer } = useTempCores()
const activity = (notes: string) => ({ kind: 'learning' as const, date: '2026-06-30', title: 'Read the SQLite docs', notes })

describe('a full disk', () => {
  it('is told in words when a change cannot be saved, and nothing changes', async () => {
    const core = await open()
    const api = apiOf(core)
    await must(api.activities.create(activity('first')))
    // SQLite's own limit on the file's size: past it, a write fails exactly as on a full disk (SQLITE_FULL).
    core.db.pragma(`max_page_count = ${Number(core.db.pragma('page_count', { simple: true }))}`)
    // Free pages inside the file may take a row or two first; the first refusal is the one to read.
    let before = snapshotStore(core.db)
    let result = await api.activities.create(activity('x'.repeat(19_000)))
    for (let tries = 0; result.ok && tries < 100; tries++) {
      before = snapshotStore(core.db)
      result = await api.activities.create(activity('x'.repeat(19_000)))
    }
    const error = await refused(Promise.resolve(result))
    expect(error).toEqual({
      code: 'unavailable',
      message: "The disk that holds Pathfinder's data folder is full, so nothing was saved. Free some space on that disk, then try again.",
    })
    expect(snapshotStore(core.db)).toBe(before)
  })
})

describe('a store that cannot be written', () => {
  it('is told in words when a change cannot be saved', async () => {
    const core = await open()
    // The connection refuses writes the way a read-only file does (SQLITE_READONLY).
    core.db.pragma('query_only = ON')
    const error = await refused(apiOf(core).activities.create(activity('notes')))
    expect(error).toEqual({
      code: 'unavailable',
      message:
        "Pathfinder cannot write to Pathfinder's data folder (it is read-only, or you do not have permission to change it), so nothing was saved. Make it writable, or move Pathfinder's data to a folder you can write to, then try again.",
    })
  })
})

describe('a backup that cannot be written', () => {
  it('says where and that nothing changed, for any cause', async () => {
    const core = await open()
    const backups = join(core.dataDir, 'backups')
    // A file where the backups folder should be: no backup can go there.
    writeFileSync(backups, 'not a folder')
    const error = await refused(apiOf(core).backups.create(undefined))
    expect(error.code).toBe('unavailable')
    expect(error.message).toMatch(new RegExp(`^No backup could be written to ${backups} \\(.+\\), so nothing was changed\\. Check that this folder exists and is a folder you can write to, then try again\\.$`))
  })

  it.runIf(readOnlyFoldersWork())('says the backups folder is read-only', async () => {
    const core = await open()
    const backups = join(core.dataDir, 'backups')
    mkdirSync(backups, { recursive: true })
    const writable = makeReadOnly(backups)
    const error = await refused(apiOf(core).backups.create(undefined)).finally(writable)
    expect(error).toEqual({
      code: 'unavailable',
      message: `Pathfinder cannot write to the backups folder ${backups} (it is read-only, or you do not have permission to change it), so no backup was made and nothing was changed. Make it writable, or move Pathfinder's data to a folder you can write to, then try again.`,
    })
  })
})

describe.runIf(readOnlyFoldersWork())('a data folder that cannot be written', () => {
  it('stops the start with words, not an errno, and offers no restore', async () => {
    const core = await open()
    await must(apiOf(core).activities.create(activity('kept')))
    core.close()
    const writable = makeReadOnly(core.dataDir)
    let asked = false
    const [error, recovery] = await Promise.all([
      createCore({ dataDir: core.dataDir, contentDir, log: { error: () => {}, warn: () => {}, info: () => {} } }),
      openWithRecovery({ dataDir: core.dataDir, contentDir }, () => {
        asked = true
        return Promise.resolve('start-fresh')
      }),
    ].map((start) => start.then(() => null, (failure: unknown) => failure))).finally(writable)
    if (!(error instanceof StoreOpenError)) throw new Error(`expected a StoreOpenError, got ${String(error)}`)
    expect(error.code).toBe('read-only')
    expect(error.message).toBe(
      `Pathfinder cannot write to its data folder ${core.dataDir} (it is read-only, or you do not have permission to change it), so Pathfinder cannot start (your data was not changed). Make it writable, or move Pathfinder's data to a folder you can write to, then start Pathfinder again.`,
    )
    // Starting empty would need to write as well: the person is told, not asked.
    expect(recovery).toMatchObject({ code: 'read-only' })
    expect(asked).toBe(false)
  })

  it('lets the app quit without a crash, and the next start takes over the lock left behind', async () => {
    const warnings: string[] = []
    const core = await open({ log: { error: () => {}, warn: (message: string) => warnings.push(message), info: () => {} } })
    await must(apiOf(core).activities.create(activity('kept')))
    const writable = makeReadOnly(core.dataDir)
    let closing: unknown = null
    try {
      core.close()
    } catch (error) {
      closing = error
    } finally {
      writable()
    }
    expect(closing).toBeNull()
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^Pathfinder could not remove its lock file in ${core.dataDir} while quitting \\(.+\\)\\. Your saved data is safe; the next start tidies up\\.$`))])
    const again = await createCore({ dataDir: core.dataDir, contentDir, log: { error: () => {}, warn: () => {}, info: () => {} } })
    defer(() => again.close())
    expect((await must(apiOf(again).activities.list({}))).rows.map((r) => r.notes)).toEqual(['kept'])
  })
})
