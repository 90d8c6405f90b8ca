import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { backupsDir, listBackups } from '../../electron/core/store/backupFiles'
import { createCore, StoreOpenError } from '../../electron/core/core'
import { describeRecovery, openWithRecovery } from '../../electron/core/host/openWithRecovery'
import { databasePath } from '../../electron/core/store/database'
import { lockFileName } from '../../electron/core/store/dataLock'
import { apiOf, must } from '../support/api'
import { buildNodeScripts, type NodeScripts } from '../support/nodeScripts'
import { contentDir, makeTempDir } from '../support/tempCore'

const silent = { error: () => {}, warn: () => {}, info: () => {} }
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

async function openError(promise: Promise<unknown>): Promise<StoreOpenError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof StoreOpenError) return error
    throw error
  }
  throw new Error('Expected createCore to refuse the store')
}

describe('a store whose database file was emptied after a crash', () => {
  let scripts: NodeScripts
  let dirs: string[] = []
  beforeAll(async () => {
    scripts = await buildNodeScripts([join(import.meta.dirname, '..', 'support', 'children', 'writeAndWait.ts')])
  })
  afterAll(() => scripts.dispose())
  afterEach(() => {
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
    dirs = []
  })

  /** A fresh folder, three goals and three activities written by a real process, then SIGKILL: the data is in the -wal. */
  async function killedAfterFirstWrites(): Promise<{ dataDir: string; file: string; walHash: string }> {
    const dataDir = makeTempDir('pathfinder-loss-')
    dirs.push(dataDir)
    const child = spawn(process.execPath, [scripts.path('writeAndWait'), dataDir, contentDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('written') && resolve())
      child.once('exit', () => reject(new Error(`the writer stopped by itself: ${stderr}`)))
    })
    child.kill('SIGKILL')
    await exited
    const file = databasePath(dataDir)
    expect(statSync(`${file}-wal`).size, 'the writes should still be in the write-ahead log').toBeGreaterThan(0)
    expect(existsSync(join(dataDir, lockFileName)), 'a killed Pathfinder leaves its lock').toBe(true)
    return { dataDir, file, walHash: sha(`${file}-wal`) }
  }

  const setAsideFolder = (error: StoreOpenError): string => {
    expect(error.movedTo).toMatch(/set-aside-\d{4}-\d{2}-\d{2}T/)
    return error.movedTo ?? ''
  }

  it('backs up a new store right after its first change, not the next day', async () => {
    const { dataDir } = await killedAfterFirstWrites()
    expect(listBackups(dataDir).map((b) => b.reason)).toEqual(['first-data'])
  })

  it('refuses to start empty over a truncated file, moves every file aside, and the backup brings the first goal back', async () => {
    const { dataDir, file, walHash } = await killedAfterFirstWrites()
    truncateSync(file, 0)

    const error = await openError(createCore({ dataDir, contentDir, log: silent }))
    expect(error.code).toBe('emptied')
    expect(error.message).toMatch(/^The Pathfinder database .+ is empty, but pathfinder\.sqlite-wal \([\d,]+ bytes\), .*show it held data\. Pathfinder did not start empty over it: /)
    const folder = setAsideFolder(error)
    expect(readdirSync(folder).sort()).toEqual(['pathfinder.sqlite', 'pathfinder.sqlite-shm', 'pathfinder.sqlite-wal'])
    expect(sha(join(folder, 'pathfinder.sqlite-wal'))).toBe(walHash)
    expect(existsSync(`${file}-wal`)).toBe(false)
    expect(error.newestBackup).toMatch(/^first-data-/)
    expect(describeRecovery(error)).toContain(`Those files were kept, untouched, in ${folder}.`)

    const core = await openWithRecovery({ dataDir, contentDir, log: silent }, () => Promise.resolve('restore'))
    if (!core) throw new Error('the restore did not open the store')
    const goals = await must(apiOf(core).goals.list({}))
    core.close()
    expect(goals.map((g) => g.title)).toContain('first goal 1')
    expect(existsSync(join(folder, 'pathfinder.sqlite-wal'))).toBe(true)
  })

  it('refuses when the file is deleted and only its write-ahead log tells there was data', async () => {
    const { dataDir, file, walHash } = await killedAfterFirstWrites()
    rmSync(file)
    rmSync(backupsDir(dataDir), { recursive: true, force: true })

    const error = await openError(createCore({ dataDir, contentDir, log: silent }))
    expect(error).toMatchObject({ code: 'emptied', newestBackup: null, canRestore: false })
    expect(error.message).toMatch(/is missing, but pathfinder\.sqlite-wal/)
    expect(sha(join(setAsideFolder(error), 'pathfinder.sqlite-wal'))).toBe(walHash)

    // Starting empty is the person's choice, and even then the files stay where they were put.
    const fresh = await createCore({ dataDir, contentDir, log: silent, startFresh: true })
    fresh.close()
    expect(sha(join(setAsideFolder(error), 'pathfinder.sqlite-wal'))).toBe(walHash)
  })

  it('refuses an emptied file when only the lock of the killed Pathfinder is left', async () => {
    const { dataDir, file } = await killedAfterFirstWrites()
    truncateSync(file, 0)
    for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`)
    rmSync(backupsDir(dataDir), { recursive: true, force: true })

    const error = await openError(createCore({ dataDir, contentDir, log: silent }))
    expect(error.code).toBe('emptied')
    expect(error.message).toContain('the lock of a Pathfinder that stopped without closing')
    expect(readdirSync(setAsideFolder(error))).toEqual(['pathfinder.sqlite'])
  })
})

describe('the first backup of a new store', () => {
  it('is taken after the first change, once, and not for reads', async () => {
    const dataDir = makeTempDir('pathfinder-first-')
    try {
      const core = await createCore({ dataDir, contentDir, log: silent, now: () => new Date('2026-06-01T10:00:00Z') })
      const api = apiOf(core)
      await must(api.roadmap.get({}))
      await must(api.goals.list({}))
      expect(listBackups(dataDir)).toEqual([])
      await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'done' }))
      expect(listBackups(dataDir).map((b) => b.reason)).toEqual(['first-data'])
      await must(api.roadmap.setStatus({ itemId: 'skill.java', status: 'done' }))
      expect(listBackups(dataDir)).toHaveLength(1)
      core.close()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
