import { accessSync, constants, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import type { BackupInfo, BackupReason, RestoreResult } from '@shared/domain/backups'
import type { CoreContext } from '../context'
import { DomainError } from '../ipc/domainError'
import { acquireDataLock } from '../store/dataLock'
import { databasePath, latestVersion, openDatabaseFile, sqliteOpener, type OpenSqlite } from '../store/database'
import { moveAside } from '../store/openStore'
import { storageFailureMessage, storageProblem, type StorageProblem } from '../ipc/storageFailure'
import { backupPath, backupsDir, checkDatabaseFile, findBackup, newestGoodBackup, writeBackup } from '../store/backupFiles'

/**
 * Backs up the live store now. Every feature that replaces or bulk-changes user data
 * (restore, import, an importer of outside data) calls this first, so the state just before
 * is one click away on the Backups screen.
 */
export async function backupNow(ctx: Pick<CoreContext, 'db' | 'dataDir' | 'now' | 'store'>, reason: BackupReason): Promise<BackupInfo> {
  try {
    return await writeBackup(ctx.db, ctx.dataDir, reason, ctx.now(), ctx.store.openSqlite)
  } catch (error) {
    if (error instanceof DomainError) throw error
    throw backupFailed(error, backupsDir(ctx.dataDir))
  }
}

/**
 * SQLite says only "unable to open database file" when it cannot create the copy; asking the
 * file system about the folder tells a read-only or full one apart from other causes.
 */
function folderProblem(dir: string): StorageProblem | null {
  try {
    accessSync(dir, constants.W_OK)
    return null
  } catch (error) {
    return storageProblem(error)
  }
}

/** What the person reads when a backup could not be written: the callers go no further, so nothing changed. */
function backupFailed(error: unknown, dir: string): DomainError {
  const problem = storageProblem(error) ?? folderProblem(dir)
  if (problem) return new DomainError('unavailable', storageFailureMessage(problem, `the backups folder ${dir}`, 'no backup was made and nothing was changed'))
  const reason = error instanceof Error ? error.message : String(error)
  return new DomainError('unavailable', `No backup could be written to ${dir} (${reason}), so nothing was changed. Check that this folder exists and is a folder you can write to, then try again.`)
}

const when = (iso: string): string => iso.replace('T', ' ').slice(0, 16) + ' UTC'

/**
 * Copies a backup beside the live database, checks the copy in full and brings it to the
 * current schema. Nothing live is touched; the caller moves the returned file into place.
 */
async function stageBackup(dataDir: string, backup: BackupInfo, openSqlite: OpenSqlite): Promise<string> {
  const staging = `${databasePath(dataDir)}.restoring`
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${staging}${suffix}`, { force: true })
  copyFileSync(backupPath(dataDir, backup), staging)
  try {
    const check = checkDatabaseFile(staging, openSqlite, latestVersion())
    if (!check.ok) throw new DomainError('conflict', `The backup from ${when(backup.createdAt)} cannot be restored: ${check.problem}. Nothing was changed.`)
    const { db } = await openDatabaseFile(staging, { openSqlite, backupBeforeMigration: false })
    // Back to one self-contained file, so moving it moves all of it.
    db.pragma('journal_mode = DELETE')
    db.close()
    return staging
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${staging}${suffix}`, { force: true })
    throw error
  }
}

function requireBackup(dataDir: string, name: string): BackupInfo {
  const backup = findBackup(dataDir, name)
  if (!backup) throw new DomainError('not-found', `There is no backup called "${name.slice(0, 120)}".`)
  return backup
}

/** backups.restore: the copy passes integrity_check, the current state is backed up, then the live store is swapped. */
export function restoreLive(ctx: CoreContext, name: string): Promise<RestoreResult> {
  return ctx.store.exclusive(async () => {
    const restored = requireBackup(ctx.dataDir, name)
    const staging = await stageBackup(ctx.dataDir, restored, ctx.store.openSqlite)
    try {
      const safetyBackup = await backupNow(ctx, 'before-restore')
      await ctx.store.replaceDatabase(staging)
      return { restored, safetyBackup }
    } finally {
      rmSync(staging, { force: true })
    }
  })
}

export interface RestoreFromBackupOptions {
  dataDir: string
  /** A name from the backups folder; default the newest that passes its check. */
  name?: string
  now?: () => Date
}

/**
 * For hosts after createCore threw a StoreOpenError ('corrupt', 'unreadable', 'missing'):
 * puts a checked backup in place of the database, moving whatever file is there aside
 * first. Call createCore again afterwards. Takes the data folder's lock while it works.
 */
export async function restoreFromBackup(options: RestoreFromBackupOptions): Promise<BackupInfo> {
  const { dataDir } = options
  const now = options.now ?? (() => new Date())
  const openSqlite = sqliteOpener()
  const lock = acquireDataLock(dataDir, now)
  try {
    const backup = options.name ? requireBackup(dataDir, options.name) : newestGoodBackup(dataDir, openSqlite, latestVersion())
    if (!backup) throw new DomainError('not-found', 'There is no backup that passes its check.')
    const staging = await stageBackup(dataDir, backup, openSqlite)
    const file = databasePath(dataDir)
    if (existsSync(file)) moveAside(file, 'before-restore', now())
    for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
    renameSync(staging, file)
    return backup
  } finally {
    lock.release()
  }
}
