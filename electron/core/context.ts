import type { Db, OpenSqlite } from './store/database'
import type { SettingsRepository } from './settings/settingsRepository'
import type { Logger } from './ipc/handle'
import type { HostServices } from './host/hostServices'
import type { ExclusiveOptions } from './store/liveStore'
import type { SourceEndpoints } from './importers/sourceEndpoints'
import type { SyncService } from './sync/syncService'

/**
 * The live database's lifecycle, for the features that copy or replace the whole store
 * (backups, restore, import). Other features never need it.
 */
export interface StoreAccess {
  /** Opens another connection with the live store's native binding (checks, staging). */
  openSqlite: OpenSqlite
  /**
   * Runs `work` with every other call held back until it settles, so nothing is written
   * between a whole-store operation's safety backup and its change.
   */
  exclusive<T>(work: () => Promise<T>, options?: ExclusiveOptions): Promise<T>
  /**
   * Inside `exclusive` only. Closes the live database, moves `file` into its place and reopens it. Every handler is
   * rebuilt on the new connection, so the `ctx` a handler was built with is stale afterwards.
   */
  replaceDatabase(file: string): Promise<void>
}

/** What every feature's handlers are built from. One store, one clock, one log. */
export interface CoreContext {
  db: Db
  settings: SettingsRepository
  now: () => Date
  log: Logger
  dataDir: string
  store: StoreAccess
  /** What the hosting process offers: secrets, native pickers. */
  host: HostServices
  /** Where Stack Exchange and Credly are; their public addresses unless a test names a loopback server. */
  sourceEndpoints?: SourceEndpoints | undefined
  /** Sync across the person's machines; its afterCall is the write-path hook (core.ts). */
  sync: SyncService
}
