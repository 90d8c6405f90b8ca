import { rmSync } from 'node:fs'
import type { Api } from '@shared/contract'
import type { Core } from '../../electron/core/core'
import type { Db } from '../../electron/core/store/database'
import { syncTables } from '../../electron/core/sync/syncTables'
import { apiOf, must } from './api'
import { makeTempDir, openTempCore } from './tempCore'

/** Small enough for tests; the folder's header records it, so both devices use it. */
export const testKdfCost = { logN: 10, r: 8, p: 1 }
export const passphrase = 'correct horse battery staple'

export interface Device {
  name: string
  core: Core & { dataDir: string; dispose(): void }
  api: Api
  dataDir: string
  join(folder: string, secret?: string): Promise<unknown>
  sync(): Promise<unknown>
  restart(): Promise<Device>
  close(): void
}

/** A machine: its own data folder and core, no watcher (tests run each pass themselves). */
export async function openDevice(name: string, dataDir = makeTempDir(`pathfinder-sync-${name}-`), now: () => Date = () => new Date('2027-03-15T12:00:00Z')): Promise<Device> {
  const core = await openTempCore({ dataDir, now, sync: { watch: false, kdfCost: testKdfCost } })
  const api = apiOf(core)
  return {
    name,
    core,
    api,
    dataDir,
    join: (folder: string, secret = passphrase): Promise<unknown> => must(api.sync.enable({ folder, passphrase: secret, deviceName: name })),
    sync: (): Promise<unknown> => must(api.sync.syncNow({})),
    /** Closes the core and opens it again on the same data folder (a restart). */
    async restart(): Promise<Device> {
      core.close()
      return openDevice(name, dataDir, now)
    },
    close: () => core.close(),
  }
}

/** Passes until neither device has anything left to write or read. */
export async function syncAll(...devices: Device[]): Promise<void> {
  for (let round = 0; round < 3; round++) for (const d of devices) await d.sync()
}

export const tempFolder = (): string => makeTempDir('pathfinder-sync-folder-')
export const removeFolder = (dir: string): void => rmSync(dir, { recursive: true, force: true })

/** A laptop and a home machine joined to one new folder; what undoes them goes to `cleanups`. */
export async function joinedPair(cleanups: (() => void)[], clock?: () => () => Date): Promise<{ a: Device; b: Device; folder: string }> {
  const folder = tempFolder()
  const a = await openDevice('laptop', undefined, clock?.())
  const b = await openDevice('home', undefined, clock?.())
  cleanups.push(() => removeFolder(folder), () => a.core.dispose(), () => b.core.dispose())
  await a.join(folder)
  await b.join(folder)
  return { a, b, folder }
}

/**
 * What both machines must agree on: every synced row, with local ids replaced by the keys
 * the devices share (ids are each machine's own), sorted.
 */
export function sharedView(db: Db): Record<string, string[]> {
  const keyOf = (tbl: string, id: unknown): string => db.prepare<[string, string], string>('SELECT key FROM sync_key WHERE tbl = ? AND local_id = ?').pluck().get(tbl, String(id)) ?? `unsynced:${String(id)}`
  const view: Record<string, string[]> = {}
  for (const table of syncTables) {
    const rows = db.prepare<[], Record<string, string | number | null>>(`SELECT * FROM ${table.name}`).all()
    view[table.name] = rows
      .filter((row) => !table.include || table.include(row))
      .map((row) => {
        const out: Record<string, unknown> = table.identity === 'natural' ? {} : { key: keyOf(table.name, row.id) }
        for (const column of table.columns) {
          const ref = table.refs[column]
          out[column] = ref && row[column] !== null ? keyOf(ref, row[column]) : row[column]
        }
        return JSON.stringify(out)
      })
      .sort()
  }
  return view
}

export const goalTitles = async (api: Api): Promise<string[]> => (await must(api.goals.list({}))).map((g) => g.title).sort()
