import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { writeBackup } from './backupFiles'
import { sqliteOpener, type Db, type OpenSqlite } from './sqlite'
import { applyMigrations, assertNotFromTheFuture, checkSummary, pendingMigrations, userVersion } from './migrate'
import { migrations as allMigrations, type Migration } from './migrations'
import { StoreOpenError } from './storeOpenError'

export { sqliteOpener, type Db, type OpenSqlite } from './sqlite'

export interface OpenOptions {
  /** How every connection to this store is opened (default: better-sqlite3 as it is). */
  openSqlite?: OpenSqlite
  migrations?: readonly Migration[]
  now?: () => Date
  /** Back up into backups/ before migrating (default on; off when checking a copy). */
  backupBeforeMigration?: boolean
}

export const databaseFileName = 'pathfinder.sqlite'
export const databasePath = (dataDir: string): string => join(dataDir, databaseFileName)
export const latestVersion = (migrations: readonly Migration[] = allMigrations): number => migrations.at(-1)?.version ?? 0

const sqliteCode = (error: unknown): string => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '')
const isCorruption = (error: unknown): boolean => /^SQLITE_(CORRUPT|NOTADB)/.test(sqliteCode(error))
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * Looks at an existing file through a read-only connection before anything writes to it,
 * so a damaged file is classified (and can be moved aside) exactly as it was found.
 * Returns its user_version.
 */
function inspectExisting(file: string, openSqlite: OpenSqlite, migrations: readonly Migration[]): number {
  const details = { dataDir: dirname(file), file }
  let db: Db | undefined
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true })
    // The check reads every page once: a page cache would only fill (16 MB by default here)
    // and stay in the process after close. 1 MB keeps the check as fast (npm run bench).
    db.pragma('cache_size = -1024')
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') {
      throw new StoreOpenError('corrupt', `The Pathfinder database ${file} is damaged (its check reported: ${checkSummary(check)}).`, details)
    }
    const version = userVersion(db)
    const latest = latestVersion(migrations)
    if (version > latest) {
      throw new StoreOpenError(
        'newer-version',
        `This data was written by a newer version of Pathfinder (format ${version}; this app knows up to ${latest}). Update the app to open it; nothing was changed.`,
        details,
      )
    }
    return version
  } catch (error) {
    if (error instanceof StoreOpenError) throw error
    if (isCorruption(error)) {
      throw new StoreOpenError('corrupt', `The Pathfinder database ${file} is damaged or is not a database (${describe(error)}).`, details, { cause: error })
    }
    throw new StoreOpenError('unreadable', `The Pathfinder database ${file} could not be read (${describe(error)}).`, details, { cause: error })
  } finally {
    db?.close()
  }
}

/**
 * A new store is made beside its final name and moved into place already in WAL mode, so the
 * database file is never seen empty: an empty one is a sign something emptied it
 * (openStore.ts), not a first start cut short. The scratch file never held anyone's data.
 */
function createStoreFile(file: string, openSqlite: OpenSqlite): void {
  const scratch = `${file}.creating`
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${scratch}${suffix}`, { force: true })
  const db = openSqlite(scratch)
  try {
    db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
  renameSync(scratch, file)
}

export interface OpenedDatabase {
  db: Db
  /** user_version the file had before this open (0 for a new file). */
  foundVersion: number
}

/**
 * Opens (creating if needed) the store and brings it to the latest schema. A tracker writes
 * rarely and holds years of someone's history, so every acknowledged write is made durable
 * (synchronous=FULL), not just crash-safe. Throws StoreOpenError for a file it must not use.
 */
export async function openDatabaseFile(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? allMigrations
  const openSqlite = options.openSqlite ?? sqliteOpener()
  mkdirSync(dirname(file), { recursive: true })
  const foundVersion = existsSync(file) ? inspectExisting(file, openSqlite, migrations) : 0
  let db: Db
  try {
    if (!existsSync(file)) createStoreFile(file, openSqlite)
    db = openSqlite(file)
  } catch (error) {
    throw new StoreOpenError('unreadable', `The Pathfinder database ${file} could not be opened (${describe(error)}).`, { dataDir: dirname(file), file }, { cause: error })
  }
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // 8 MB of page cache, not better-sqlite3's 16: the busy pages of ten years of history fit,
    // query times do not move, and the core's peak memory is some 10 MB lower (npm run bench).
    db.pragma('cache_size = -8000')
    db.pragma('busy_timeout = 5000')
    assertNotFromTheFuture(db, migrations)
    if (options.backupBeforeMigration !== false && userVersion(db) > 0 && pendingMigrations(db, migrations).length > 0) {
      await writeBackup(db, dirname(file), 'before-migration', options.now?.() ?? new Date(), openSqlite)
    }
    applyMigrations(db, migrations)
    return { db, foundVersion }
  } catch (error) {
    db.close()
    throw error
  }
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  return (await openDatabaseFile(file, options)).db
}
