import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCore, restoreFromBackup, StoreOpenError } from '../../electron/core/core'
import { listBackups } from '../../electron/core/store/backupFiles'
import { acquireDataLock, lockFileName } from '../../electron/core/store/dataLock'
import { databasePath, openDatabase } from '../../electron/core/store/database'
import { migrations } from '../../electron/core/store/migrations'
import { apiOf, must } from '../support/api'
import { buildNodeScripts, type NodeScripts } from '../support/nodeScripts'
import { contentDir, makeTempDir, openTempCore } from '../support/tempCore'

const silent = { error: () => {}, warn: () => {}, info: () => {} }
let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})
const tempDir = () => {
  const dir = makeTempDir()
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
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

/** A store with one status and a daily backup of it, then the live file damaged in the middle. */
async function damagedStoreWithBackup(dataDir: string) {
  const first = await createCore({ dataDir, contentDir, log: silent, now: () => new Date('2026-06-01T10:00:00Z') })
  await must(apiOf(first).roadmap.setStatus({ itemId: 'skill.algorithms', status: 'done' }))
  first.close()
  const second = await createCore({ dataDir, contentDir, log: silent, now: () => new Date('2026-06-02T10:00:00Z') })
  await must(apiOf(second).roadmap.setStatus({ itemId: 'skill.algorithms', status: 'skipped' }))
  second.close()
  const file = databasePath(dataDir)
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, 4096 * 2)
  closeSync(fd)
  return file
}

describe('opening a store that cannot be used', () => {
  it('moves a damaged database aside untouched, names the newest good backup, and restores it', async () => {
    const dataDir = tempDir()
    const file = await damagedStoreWithBackup(dataDir)
    const damaged = sha(file)

    const error = await openError(createCore({ dataDir, contentDir, log: silent }))
    expect(error.code).toBe('corrupt')
    expect(error.message).toMatch(/is damaged/)
    expect(error.message).toContain('moved aside, unchanged')
    expect(error.message).toContain('The newest good backup is from 2026-06-02 10:00 UTC')
    expect(error.movedTo).toMatch(/pathfinder\.sqlite\.corrupt-/)
    expect(error.movedTo && sha(error.movedTo)).toBe(damaged)
    expect(existsSync(file)).toBe(false)
    expect(error.newestBackup).toBe(listBackups(dataDir)[0]?.name)
    expect(error.canRestore).toBe(true)
    // The lock was let go, so the host can restore and retry.
    expect(existsSync(join(dataDir, lockFileName))).toBe(false)

    // Not silently empty on the next start either.
    expect((await openError(createCore({ dataDir, contentDir, log: silent }))).code).toBe('missing')

    const restored = await restoreFromBackup({ dataDir })
    expect(restored.name).toBe(error.newestBackup)
    const core = await createCore({ dataDir, contentDir, log: silent })
    cleanups.unshift(() => core.close())
    const item = (await must(apiOf(core).roadmap.get(undefined))).items.find((i) => i.id === 'skill.algorithms')
    // The daily backup of 2026-06-02 was taken at start, before that day's change.
    expect(item?.status).toBe('done')
  })

  it('treats a file that is not a database as damaged', async () => {
    const dataDir = tempDir()
    writeFileSync(databasePath(dataDir), 'Not a database. '.repeat(1000))
    const error = await openError(createCore({ dataDir, contentDir, log: silent }))
    expect(error).toMatchObject({ code: 'corrupt', newestBackup: null })
    expect(error.message).toMatch(/not a database/)
    expect(error.message).toContain('There is no good backup to restore.')
    expect(error.movedTo && readFileSync(error.movedTo, 'utf8')).toBe('Not a database. '.repeat(1000))
    expect(error.canRestore).toBe(false)
    // The person may choose to start empty.
    const fresh = await createCore({ dataDir, contentDir, log: silent, startFresh: true })
    fresh.close()
  })

  it('reports a database it cannot read without moving it', async () => {
    const dataDir = tempDir()
    mkdirSync(databasePath(dataDir))
    const error = await openError(createCore({ dataDir, contentDir, log: silent }))
    expect(error.code).toBe('unreadable')
    expect(error.movedTo).toBeNull()
    expect(existsSync(databasePath(dataDir))).toBe(true)
  })

  it('refuses a database from a newer app and never touches it', async () => {
    const dataDir = tempDir()
    const db = await openDatabase(databasePath(dataDir))
    const latest = migrations.at(-1)?.version ?? 0
    db.pragma(`user_version = ${latest + 1}`)
    db.close()
    const before = sha(databasePath(dataDir))
    const error = await openError(createCore({ dataDir, contentDir, log: silent }))
    expect(error.code).toBe('newer-version')
    expect(error.message).toBe(
      `This data was written by a newer version of Pathfinder (format ${latest + 1}; this app knows up to ${latest}). Update the app to open it; nothing was changed.`,
    )
    expect(error.canRestore).toBe(false)
    expect(sha(databasePath(dataDir))).toBe(before)
    expect(readdirSync(dataDir).filter((f) => f.includes('corrupt'))).toEqual([])
  })

  it('does not start empty when the database is gone but its backups are there', async () => {
    const core = await openTempCore({ now: () => new Date('2026-06-01T00:00:00Z') })
    await must(apiOf(core).backups.create({}))
    core.close()
    cleanups.push(() => rmSync(core.dataDir, { recursive: true, force: true }))
    rmSync(databasePath(core.dataDir))
    const error = await openError(createCore({ dataDir: core.dataDir, contentDir, log: silent }))
    expect(error.code).toBe('missing')
    expect(error.newestBackup).toMatch(/^manual-/)
    const fresh = await createCore({ dataDir: core.dataDir, contentDir, log: silent, startFresh: true })
    fresh.close()
  })
})

describe('one writer per data folder', () => {
  let scripts: NodeScripts
  let children: ChildProcessWithoutNullStreams[] = []
  beforeAll(async () => {
    scripts = await buildNodeScripts([join(import.meta.dirname, '..', 'support', 'children', 'holdLock.ts')])
  })
  afterAll(() => scripts.dispose())
  afterEach(() => {
    children.forEach((c) => c.kill('SIGKILL'))
    children = []
  })

  function startHolder(dataDir: string): Promise<ChildProcessWithoutNullStreams> {
    const child = spawn(process.execPath, [scripts.path('holdLock'), dataDir, contentDir])
    children.push(child)
    return new Promise((resolve, reject) => {
      let out = ''
      let err = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('ready')) resolve(child)
      })
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
      child.on('exit', (code) => reject(new Error(`holder exited (${code}): ${err}`)))
    })
  }
  const exited = (child: ChildProcessWithoutNullStreams) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())))

  it('refuses a second opener while another process holds the folder, and lets go on close', async () => {
    const dataDir = tempDir()
    const holder = await startHolder(dataDir)
    const error = await openError(createCore({ dataDir, contentDir, log: silent }))
    expect(error.code).toBe('locked')
    expect(error.message).toBe(`Pathfinder data in ${dataDir} is in use by another running Pathfinder (pid ${holder.pid}).`)
    expect(error.lockedBy).toMatchObject({ pid: holder.pid, host: hostname() })

    holder.stdin.write('close\n')
    await exited(holder)
    const core = await createCore({ dataDir, contentDir, log: silent })
    core.close()
  })

  it('takes over the lock of a process that was killed', async () => {
    const dataDir = tempDir()
    const holder = await startHolder(dataDir)
    holder.kill('SIGKILL')
    await exited(holder)
    expect(existsSync(join(dataDir, lockFileName))).toBe(true)
    const core = await createCore({ dataDir, contentDir, log: silent })
    expect(JSON.parse(readFileSync(join(dataDir, lockFileName), 'utf8'))).toMatchObject({ pid: process.pid })
    core.close()
    expect(existsSync(join(dataDir, lockFileName))).toBe(false)
  })

  it('refuses a second core in the same process, unless it opts out of locking', async () => {
    const core = await openTempCore()
    cleanups.push(core.dispose)
    expect((await openError(createCore({ dataDir: core.dataDir, contentDir, log: silent }))).code).toBe('locked')
    const reader = await createCore({ dataDir: core.dataDir, contentDir, log: silent, lock: false })
    reader.close()
    expect(existsSync(join(core.dataDir, lockFileName))).toBe(true)
  })

  it('never assumes a lock from another machine is stale', () => {
    const dataDir = tempDir()
    writeFileSync(join(dataDir, lockFileName), JSON.stringify({ pid: 1, host: 'elsewhere.example', startedAt: '2026-01-01T00:00:00Z', token: 't' }))
    expect(() => acquireDataLock(dataDir)).toThrow(/in use by another running Pathfinder \(pid 1 on elsewhere\.example\)\. If that Pathfinder is not running, delete/)
    writeFileSync(join(dataDir, lockFileName), 'garbage')
    acquireDataLock(dataDir).release()
  })
})
