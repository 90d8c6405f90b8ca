import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CareerPathFile } from '@shared/domain/careerPath'
import { dailyBackupDue, writeBackup } from './store/backupFiles'
import { firstDataBackup } from './backups/firstDataBackup'
import { loadPathDir, loadPathFile } from './content/loadPaths'
import { upsertContent } from './content/upsertContent'
import type { SourceEndpoints } from './importers/sourceEndpoints'
import type { CoreContext } from './context'
import { createHandlers } from './handlers'
import { browserHost, type HostServices } from './host/hostServices'
import { createDispatcher, type Dispatcher } from './ipc/dispatcher'
import type { Logger } from './ipc/handle'
import { createSettingsRepository } from './settings/settingsRepository'
import { acquireDataLock, lockFileName } from './store/dataLock'
import { databasePath, openDatabase, sqliteOpener, type Db } from './store/database'
import { createLiveStore } from './store/liveStore'
import { openStore } from './store/openStore'
import { storageFailureMessage, storageProblem } from './ipc/storageFailure'
import { StoreOpenError } from './store/storeOpenError'
import { createSyncService, type SyncOptions, type SyncService } from './sync/syncService'

// Hosts handle a failed start with these (see StoreOpenError for what each code offers).
export { StoreOpenError, type StoreOpenErrorCode } from './store/storeOpenError'
export { restoreFromBackup } from './backups/backups'

export interface CoreOptions {
  /** Folder that holds the database and its backups. */
  dataDir: string
  /** Folder of career path files (data/paths). */
  contentDir: string
  /** More path files to load, e.g. a test fixture. */
  extraPathFiles?: string[]
  now?: () => Date
  log?: Logger
  /** Take the data folder's single-writer lock (default true; false only for read-only tools). */
  lock?: boolean
  /** Start empty although backups show there was data: the person's answer to a 'missing' StoreOpenError. */
  startFresh?: boolean
  /** The hosting process's services; the browser host's (memory secrets, no pickers) by default. */
  host?: HostServices
  /** Stack Exchange's and Credly's addresses, for tests against a loopback server. */
  sourceEndpoints?: SourceEndpoints
  /** Sync's watcher and key cost (tests drive passes themselves). */
  sync?: SyncOptions
}

export interface Core extends Dispatcher {
  /** The live connection; a restore replaces it, so read it afresh rather than keeping it. */
  readonly db: Db
  close(): void
}

/**
 * Opens the store, loads content, and returns the dispatcher both hosts serve. Throws
 * StoreOpenError when the folder is locked or the database cannot be used; never starts
 * empty in place of data it could not read.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  try {
    return await openCore(options)
  } catch (error) {
    const problem = storageProblem(error)
    if (error instanceof StoreOpenError || !problem) throw error
    throw new StoreOpenError(
      problem,
      storageFailureMessage(problem, `its data folder ${options.dataDir}`, 'Pathfinder cannot start (your data was not changed)', 'start Pathfinder again'),
      { dataDir: options.dataDir, file: databasePath(options.dataDir) },
      { cause: error },
    )
  }
}

async function openCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date())
  const log = options.log ?? console
  const host = options.host ?? browserHost()
  const paths: CareerPathFile[] = [...loadPathDir(options.contentDir), ...(options.extraPathFiles ?? []).map(loadPathFile)]
  const openSqlite = sqliteOpener()
  const file = databasePath(options.dataDir)
  // A lock there before we take the folder was left by a Pathfinder that never closed (a live
  // one makes acquireDataLock throw): one of the signs that data existed (openStore.ts).
  const staleLock = options.lock !== false && existsSync(join(options.dataDir, lockFileName))
  // Single writer: taken before the file is touched, released by close() or on failure.
  const lock = options.lock === false ? null : acquireDataLock(options.dataDir, now)
  try {
    const opened = await openStore(options.dataDir, { openSqlite, now, staleLock, ...(options.startFresh ? { startFresh: true } : {}) })
    // Handlers are built per connection: a restore swaps the connection and rebuilds them.
    const build = (db: Db): Dispatcher => {
      upsertContent(db, paths, now())
      const ctx: CoreContext = {
        db,
        settings: createSettingsRepository(db),
        now,
        log,
        dataDir: options.dataDir,
        host,
        sourceEndpoints: options.sourceEndpoints,
        get sync() {
          return syncService()
        },
        store: {
          openSqlite,
          exclusive: (work, options) => live.exclusive(work, options),
          replaceDatabase: (replacement) => {
            // Sync's documents and keys go with the store that replaces this one (see beforeReplace).
            syncService().beforeReplace(replacement)
            return live.replaceWith(replacement)
          },
        },
      }
      return createDispatcher(createHandlers(ctx))
    }
    let live: ReturnType<typeof createLiveStore>
    // One sync service for the store's life, built once `live` exists (the first build runs before).
    let sync: SyncService | null = null
    const syncService = (): SyncService =>
      (sync ??= createSyncService({
        db: () => live.db,
        now,
        log,
        exclusive: (work) => live.exclusive(work),
        canPickFolder: Boolean(host.pickFolder),
        ...(options.sync ? { sync: options.sync } : {}),
      }))
    try {
      live = createLiveStore({ file, db: opened.db, reopen: (f) => openDatabase(f, { openSqlite, now }), build })
    } catch (error) {
      opened.db.close()
      throw error
    }
    // First start of the day backs up what was there (a new store has nothing to keep yet).
    if (opened.foundVersion > 0 && dailyBackupDue(options.dataDir, now())) {
      await writeBackup(live.db, options.dataDir, 'daily', now(), openSqlite).catch((error: unknown) => log.error('The daily backup failed', error))
    }
    // A device that synced before picks up where it was: its documents, its watcher.
    syncService()
    const afterCall = firstDataBackup({ dataDir: options.dataDir, db: () => live.db, now, openSqlite, log })
    return {
      get channels() {
        return live.channels
      },
      get db() {
        return live.db
      },
      dispatch: async (name, input) => {
        const result = await live.dispatch(name, input)
        // The write-path hook: what the call wrote goes into the sync documents (nothing while sync is off).
        syncService().afterCall()
        await afterCall()
        return result
      },
      close: () => {
        // Runs as the app quits: a folder that went read-only (a drive remounted, a share
        // gone) must not turn quitting into a crash. A lock left behind is recognised as
        // stale at the next start.
        const steps: [string, () => void][] = [
          ['stop syncing', () => sync?.close()],
          ['close the database', () => live.close()],
          ['remove its lock file', () => lock?.release()],
        ]
        for (const [what, step] of steps) {
          try {
            step()
          } catch (error) {
            log.warn(`Pathfinder could not ${what} in ${options.dataDir} while quitting (${error instanceof Error ? error.message : String(error)}). Your saved data is safe; the next start tidies up.`)
          }
        }
      },
    }
  } catch (error) {
    lock?.release()
    throw error
  }
}

export const defaultContentDir = (appRoot: string): string => join(appRoot, 'data', 'paths')
