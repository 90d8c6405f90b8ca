import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DomainError } from '../ipc/domainError'
import { applyMigrations, assertNotFromTheFuture, pendingMigrations, userVersion } from './migrate'
import { migrations as allMigrations, type Migration } from './migrations'

export type Db = Database.Database

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
  migrations?: readonly Migration[]
  now?: () => Date
}

export const databaseFileName = 'pathfinder.sqlite'
export const databasePath = (dataDir: string): string => join(dataDir, databaseFileName)

const stamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-')

/**
 * Opens (creating if needed) the store and brings it to the latest schema. A tracker writes
 * rarely and holds years of someone's history, so every acknowledged write is made durable
 * (synchronous=FULL), not just crash-safe.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const migrations = options.migrations ?? allMigrations
  mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new DomainError('unavailable', `The database file failed its check (${String(check)}).`)
    assertNotFromTheFuture(db, migrations)
    if (userVersion(db) > 0 && pendingMigrations(db, migrations).length > 0) {
      const backupFile = join(dirname(file), 'backups', `before-migration-v${userVersion(db)}-${stamp(options.now?.() ?? new Date())}.sqlite`)
      mkdirSync(dirname(backupFile), { recursive: true })
      await db.backup(backupFile)
    }
    applyMigrations(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
