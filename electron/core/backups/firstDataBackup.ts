import type { Logger } from '../ipc/handle'
import type { Db, OpenSqlite } from '../store/database'
import { listBackups, writeBackup } from '../store/backupFiles'

export interface FirstDataBackupOptions {
  dataDir: string
  /** The live connection, read afresh (a restore replaces it). */
  db: () => Db
  now: () => Date
  openSqlite: OpenSqlite
  log: Logger
}

const totalChanges = (db: Db): number => db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0

/**
 * A store with no backup gets one right after the first call that changed something, not on
 * the next day's first start: until then a new store's only copy of the person's first
 * hours of work is the live file and its write-ahead log. Returns the check to run after
 * every call; it costs one SQL function call while the store has no backup, then nothing.
 */
export function firstDataBackup(options: FirstDataBackupOptions): () => Promise<void> {
  let pending = listBackups(options.dataDir).length === 0
  // Changes made while opening (content loaded from data/) are not the person's.
  let baseline = pending ? totalChanges(options.db()) : 0
  let connection = options.db()
  return async () => {
    if (!pending) return
    const db = options.db()
    if (db !== connection) {
      connection = db
      baseline = totalChanges(db)
      return
    }
    if (totalChanges(db) === baseline) return
    pending = false
    if (listBackups(options.dataDir).length > 0) return
    await writeBackup(db, options.dataDir, 'first-data', options.now(), options.openSqlite).catch((error: unknown) => options.log.error('The first backup failed', error))
  }
}
