import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { backupReasons, type BackupInfo, type BackupReason } from '@shared/domain/backups'
import type { Db, OpenSqlite } from './sqlite'
import { checkSummary } from './migrate'

/**
 * Backups are plain SQLite files in `backups/` beside the database, named
 * `<reason>[-v<schema version>]-<UTC stamp>[-<n>].sqlite` (the version only before a
 * migration), which is also what the first releases wrote, so their backups are listed too.
 * Only names of that shape are listed, and only listed names can be restored, so a name
 * from the renderer can never point outside the folder.
 */
export const backupsFolder = 'backups'
export const backupsDir = (dataDir: string): string => join(dataDir, backupsFolder)
export const keepAutomaticBackups = 14

const namePattern = new RegExp(`^(${backupReasons.join('|')})(?:-v(\\d{1,6}))?-(\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z)(?:-(\\d{1,4}))?\\.sqlite$`)
const partialSuffix = '.partial'
/**
 * Copies being written now. Two backups can overlap (an import's "before-import" and the new
 * store's first one, started by a call that ended meanwhile): each must leave the other's
 * partial copy alone, or that one fails with "disk I/O error".
 */
const inFlight = new Set<string>()

export const fileStamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-')
const stampToIso = (stamp: string): string => stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3}Z)$/, '$1:$2:$3.$4')

const isReason = (value: string): value is BackupReason => backupReasons.some((r) => r === value)
export const isAutomatic = (reason: BackupReason): boolean => reason !== 'manual'

interface Parsed {
  name: string
  stamp: string
  reason: BackupReason
  n: number
}

function parseName(name: string): Parsed | null {
  const match = namePattern.exec(name)
  if (!match?.[1] || !match[3] || !isReason(match[1])) return null
  return { name, stamp: match[3], reason: match[1], n: Number(match[4] ?? 0) }
}

const newestFirst = (a: Parsed, b: Parsed): number => (a.stamp === b.stamp ? b.n - a.n : a.stamp < b.stamp ? 1 : -1)

function parsedBackups(dataDir: string): Parsed[] {
  const dir = backupsDir(dataDir)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map(parseName)
    .filter((p): p is Parsed => p !== null)
    .sort(newestFirst)
}

/** Every backup in the folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir)
  return parsedBackups(dataDir).flatMap((p) => {
    try {
      const size = statSync(join(dir, p.name)).size
      return [{ name: p.name, createdAt: stampToIso(p.stamp), size, reason: p.reason, automatic: isAutomatic(p.reason) }]
    } catch {
      return [] // removed while we were listing
    }
  })
}

/** The listed backup of that exact name, else undefined: the one gate for names from outside. */
export const findBackup = (dataDir: string, name: string): BackupInfo | undefined => listBackups(dataDir).find((b) => b.name === name)

export const backupPath = (dataDir: string, backup: BackupInfo): string => join(backupsDir(dataDir), backup.name)

const removeWithSidecars = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
}

/** Deletes automatic backups beyond the newest `keep`; backups the person made are theirs to delete. */
export function rotateBackups(dataDir: string, keep = keepAutomaticBackups): string[] {
  const dir = backupsDir(dataDir)
  const doomed = parsedBackups(dataDir)
    .filter((p) => isAutomatic(p.reason))
    .slice(keep)
  for (const p of doomed) removeWithSidecars(join(dir, p.name))
  return doomed.map((p) => p.name)
}

function freeName(dir: string, at: Date, reason: BackupReason, version: number): string {
  const base = `${reason}${reason === 'before-migration' ? `-v${version}` : ''}-${fileStamp(at)}`
  if (!existsSync(join(dir, `${base}.sqlite`))) return `${base}.sqlite`
  for (let n = 2; ; n++) if (!existsSync(join(dir, `${base}-${n}.sqlite`))) return `${base}-${n}.sqlite`
}

/**
 * Copies the live database with SQLite's online backup API (consistent even while the app
 * writes), into a `.partial` file renamed into place only when complete: a crash mid-backup
 * never leaves a truncated file that looks like a backup. The copy is switched to a
 * rollback journal so it is one self-contained file that a read-only check leaves alone.
 */
export async function writeBackup(db: Db, dataDir: string, reason: BackupReason, at: Date, openSqlite: OpenSqlite): Promise<BackupInfo> {
  const dir = backupsDir(dataDir)
  mkdirSync(dir, { recursive: true })
  for (const leftover of readdirSync(dir).filter((f) => f.endsWith(partialSuffix))) {
    if (!inFlight.has(join(dir, leftover))) removeWithSidecars(join(dir, leftover))
  }
  const name = freeName(dir, at, reason, Number(db.pragma('user_version', { simple: true })))
  const partial = join(dir, `${name}${partialSuffix}`)
  inFlight.add(partial)
  try {
    await db.backup(partial)
    const copy = openSqlite(partial, { fileMustExist: true })
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    renameSync(partial, join(dir, name))
  } catch (error) {
    removeWithSidecars(partial)
    throw error
  } finally {
    inFlight.delete(partial)
  }
  if (isAutomatic(reason)) rotateBackups(dataDir)
  const info = findBackup(dataDir, name)
  if (!info) throw new Error(`The backup ${name} vanished right after it was written.`)
  return info
}

/** Whether today (UTC) has no daily backup yet. */
export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const today = now.toISOString().slice(0, 10)
  return !listBackups(dataDir).some((b) => b.reason === 'daily' && b.createdAt.slice(0, 10) === today)
}

export type FileCheck = { ok: true; version: number } | { ok: false; problem: string }

/**
 * Opens a database file read-only and runs the full `integrity_check`: what a file must pass
 * before it may replace the live store.
 */
export function checkDatabaseFile(file: string, openSqlite: OpenSqlite, latestVersion: number): FileCheck {
  let db: Db | undefined
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true })
    const result = db.pragma('integrity_check', { simple: true })
    if (result !== 'ok') return { ok: false, problem: `it failed its integrity check (${checkSummary(result)})` }
    const version = Number(db.pragma('user_version', { simple: true }))
    if (version < 1) return { ok: false, problem: 'it holds no Pathfinder data' }
    if (version > latestVersion) return { ok: false, problem: `it was written by a newer version of Pathfinder (format ${version})` }
    return { ok: true, version }
  } catch (error) {
    return { ok: false, problem: `it could not be read (${error instanceof Error ? error.message : String(error)})` }
  } finally {
    db?.close()
  }
}

/** The newest backup that passes `checkDatabaseFile`, if any. */
export function newestGoodBackup(dataDir: string, openSqlite: OpenSqlite, latestVersion: number): BackupInfo | null {
  for (const backup of listBackups(dataDir)) {
    if (checkDatabaseFile(backupPath(dataDir, backup), openSqlite, latestVersion).ok) return backup
  }
  return null
}
