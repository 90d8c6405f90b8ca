/**
 * Sync's figures (issue 16), on a copy of the generated data set:
 *
 * - machine A turns sync on with everything it holds (its documents built, written to the folder);
 * - an empty machine B joins: the initial sync, read from the folder into SQLite;
 * - one change on A seen in B's SQLite, through the folder watcher (median of several);
 * - a write, the activity list and the dashboard summary with sync on against the same with it off;
 * - the memory of B's host while it syncs: B is the built web host, in its own process.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contract, createClient, type Api, type Result } from '@shared/contract'
import { tokenInAddress } from '@shared/contract/transport'
import { createCore, type Core } from '../electron/core/core'
import { lockFileName } from '../electron/core/store/dataLock'
import { createHttpInvoke } from '../renderer/src/api/httpTransport'
import { measure, type Timing } from './measure'
import { rssMb, startHost } from './webHostProcess'

const silent = { error: () => {}, warn: () => {}, info: () => {} }
const passphrase = 'bench passphrase, long enough'

async function must<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const apiOf = (core: Core): Api => createClient(contract, (name, input) => core.dispatch(name, input))

export interface SyncFigures {
  activities: number
  enableAMs: number
  initialSyncMs: number
  rowsOnB: number
  folderMb: number
  folderFiles: number
  /** The folder after single writes on A, each synced on its own (a change file each, compacted). */
  afterWrites: { writes: number; mb: number; files: number }
  changeSeenMs: Timing
  write: { off: Timing; on: Timing }
  list: { off: Timing; on: Timing }
  summary: { off: Timing; on: Timing }
  rssBeforeMb: number
  rssPeakMb: number
}

const fileCount = (dir: string): number => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length

function folderBytes(dir: string): number {
  let total = 0
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name)
      if (entry.isDirectory()) walk(path)
      else total += statSync(path).size
    }
  }
  walk(dir)
  return total
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Not seen within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export async function measureSync(options: { appRoot: string; dataDir: string; contentDir: string; now: Date; log: (line: string) => void }): Promise<SyncFigures> {
  const root = mkdtempSync(join(tmpdir(), 'pathfinder-bench-sync-'))
  const aDir = join(root, 'a')
  const bDir = join(root, 'b')
  const folder = join(root, 'folder')
  cpSync(options.dataDir, aDir, { recursive: true, filter: (src) => !src.endsWith(lockFileName) && !src.includes('backups') })
  cpSync(options.dataDir, join(root, 'off'), { recursive: true, filter: (src) => !src.endsWith(lockFileName) && !src.includes('backups') })
  mkdirSync(folder)
  const open = (dataDir: string, watch: boolean) => createCore({ dataDir, contentDir: options.contentDir, now: () => options.now, log: silent, sync: { watch } })
  try {
    // Sync off: the same store, for the per-call costs.
    const off = await open(join(root, 'off'), false)
    const offApi = apiOf(off)
    const someId = (await must(offApi.activities.list({ limit: 1 }))).rows[0]?.id ?? 1
    let flip = 0
    const costs = async (api: Api) => ({
      write: await measure(() => must(api.activities.update({ id: someId, notes: `bench ${flip++}` })), { warmup: 3, minRuns: 15, maxRuns: 60, budgetMs: 3_000 }),
      list: await measure(() => must(api.activities.list({ limit: 100 })), { warmup: 3, minRuns: 15, maxRuns: 60, budgetMs: 2_000 }),
      summary: await measure(() => must(api.progress.summary(undefined)), { warmup: 3, minRuns: 15, maxRuns: 60, budgetMs: 2_000 }),
    })
    const offCosts = await costs(offApi)
    off.close()

    options.log('  machine A turns sync on with all its data…')
    const a = await open(aDir, false)
    const aApi = apiOf(a)
    const activities = Number(a.db.prepare('SELECT count(*) FROM activity').pluck().get())
    let started = performance.now()
    await must(aApi.sync.enable({ folder, passphrase, deviceName: 'A' }))
    const enableAMs = performance.now() - started
    const onCosts = await costs(aApi)
    await must(aApi.sync.syncNow({}))
    const folderMb = folderBytes(folder) / 2 ** 20
    const folderFiles = fileCount(folder)
    // Days of single writes, each its own pass: without compaction each would stay a file for good.
    const writes = 100
    for (let i = 0; i < writes; i++) {
      await must(aApi.activities.update({ id: someId, notes: `compaction ${i}` }))
      await must(aApi.sync.syncNow({}))
    }
    const afterWrites = { writes, mb: folderBytes(folder) / 2 ** 20, files: fileCount(folder) }
    a.close()

    options.log('  an empty machine B (the built web host, its own process) joins…')
    mkdirSync(bDir)
    const host = await startHost(options.appRoot, bDir)
    let rssBeforeMb = 0
    let rssPeakMb = 0
    let initialSyncMs = 0
    try {
      const url = new URL(host.url)
      const hostApi: Api = createClient(contract, createHttpInvoke(url.origin, { Authorization: `Bearer ${tokenInAddress(host.url) ?? ''}` }))
      rssBeforeMb = rssMb(host.child.pid, 'VmRSS') ?? 0
      started = performance.now()
      await must(hostApi.sync.enable({ folder, passphrase, deviceName: 'B' }))
      initialSyncMs = performance.now() - started
      rssPeakMb = rssMb(host.child.pid, 'VmHWM') ?? 0
    } finally {
      host.child.kill('SIGTERM')
      await new Promise((resolve) => (host.child.exitCode === null ? host.child.once('exit', resolve) : resolve(null)))
    }
    const b = await open(bDir, false)
    const rowsOnB = Number(b.db.prepare('SELECT count(*) FROM activity').pluck().get())
    b.close()

    options.log('  one change on A, seen in B’s SQLite through the folder watcher…')
    const a2 = await open(aDir, true)
    const b2 = await open(bDir, true)
    let n = 0
    const changeSeenMs = await measure(
      async () => {
        const title = `Seen on B ${n++}`
        await must(apiOf(a2).goals.create({ title }))
        await waitFor(() => b2.db.prepare('SELECT 1 FROM goal WHERE title = ?').get(title) !== undefined, 30_000)
      },
      { warmup: 1, minRuns: 5, maxRuns: 10, budgetMs: 10_000 },
    )
    a2.close()
    b2.close()
    return {
      activities,
      enableAMs,
      initialSyncMs,
      rowsOnB,
      folderMb,
      folderFiles,
      afterWrites,
      changeSeenMs,
      write: { off: offCosts.write, on: onCosts.write },
      list: { off: offCosts.list, on: onCosts.list },
      summary: { off: offCosts.summary, on: onCosts.summary },
      rssBeforeMb,
      rssPeakMb,
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
