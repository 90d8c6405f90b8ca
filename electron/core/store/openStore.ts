import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { backupsDir, fileStamp, newestGoodBackup } from './backupFiles'
import { databasePath, latestVersion, openDatabaseFile, sqliteOpener, type OpenedDatabase, type OpenOptions } from './database'
import { StoreOpenError } from './storeOpenError'

export interface OpenStoreOptions extends OpenOptions {
  /** Create an empty store even though backups show there was data (the person chose to). */
  startFresh?: boolean
  /** The folder's lock was left by a Pathfinder that never closed (createCore took it over). */
  staleLock?: boolean
}

/**
 * Moves a database file and its WAL/SHM aside under `<name>.<label>-<stamp>`, byte for byte,
 * keeping the three names paired so the set can still be opened together.
 */
export function moveAside(file: string, label: string, at: Date): string {
  const target = `${file}.${label}-${fileStamp(at)}`
  renameSync(file, target)
  for (const suffix of ['-wal', '-shm']) if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${target}${suffix}`)
  return target
}

const corruptPattern = (file: string) => new RegExp(`^${basename(file).replace(/\./g, '\\.')}\\.corrupt-[^.]*$`)

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0)

/** A store that should exist: backups of it, or a damaged one moved aside earlier. */
function traceOfEarlierData(file: string): boolean {
  if (existsSync(backupsDir(dirname(file)))) return true
  const pattern = corruptPattern(file)
  return readdirSync(dirname(file)).some((name) => pattern.test(name))
}

/**
 * What beside an empty or missing database shows it held data, in words. A write-ahead log
 * can hold every change since the last checkpoint: SQLite, opening an empty file next to it,
 * would reset it and the data with it. A lock counts beside an empty file only: a new store
 * is created whole (database.ts), so an empty one was emptied by something else, while a
 * missing one next to a stale lock may be a first start that was cut short.
 */
function signsOfData(file: string, staleLock: boolean): string[] {
  const signs: string[] = []
  for (const suffix of ['-wal', '-shm']) {
    const size = sizeOf(`${file}${suffix}`)
    if (size > 0) signs.push(`${basename(file)}${suffix} (${size.toLocaleString('en')} bytes)`)
  }
  if (staleLock && existsSync(file)) signs.push('the lock of a Pathfinder that stopped without closing')
  if (traceOfEarlierData(file)) signs.push('earlier backups')
  return signs
}

/** Moves the database's files that are there into a new dated folder beside it, never over anything. */
function setAside(file: string, at: Date): { folder: string; moved: string[] } {
  const base = join(dirname(file), `set-aside-${fileStamp(at)}`)
  let folder = base
  for (let n = 2; existsSync(folder); n++) folder = `${base}-${n}`
  mkdirSync(folder)
  const moved = ['', '-wal', '-shm', '-journal'].map((suffix) => `${file}${suffix}`).filter((path) => existsSync(path))
  for (const path of moved) renameSync(path, join(folder, basename(path)))
  return { folder, moved: moved.map((path) => basename(path)) }
}

const when = (iso: string): string => iso.replace('T', ' ').slice(0, 16) + ' UTC'

/**
 * createCore's way in: opens the store, and never lets a bad or vanished file turn into a
 * silently empty app. A damaged file is moved aside untouched and reported with the newest
 * backup that passes its check, for the host to offer.
 */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<OpenedDatabase> {
  const file = databasePath(dataDir)
  const openSqlite = options.openSqlite ?? sqliteOpener()
  const now = options.now ?? (() => new Date())
  const newest = () => newestGoodBackup(dataDir, openSqlite, latestVersion(options.migrations))

  const empty = sizeOf(file) === 0
  const signs = empty && existsSync(dataDir) ? signsOfData(file, options.staleLock === true) : []
  const leftBehind = ['', '-wal', '-shm', '-journal'].some((suffix) => existsSync(`${file}${suffix}`))
  if (signs.length > 0 && leftBehind) {
    // Even when the person chose to start empty: what is there is moved, never overwritten.
    const { folder, moved } = setAside(file, now())
    if (!options.startFresh) {
      const backup = newest()
      throw new StoreOpenError(
        'emptied',
        `The Pathfinder database ${file} is ${moved.includes(basename(file)) ? 'empty' : 'missing'}, but ${signs.join(', ')} show it held data. ` +
          `Pathfinder did not start empty over it: ${moved.join(', ')} ${moved.length === 1 ? 'was' : 'were'} moved, unchanged, to ${folder}.` +
          (backup ? ` The newest good backup is from ${when(backup.createdAt)}.` : ' No backup passes its check.'),
        { dataDir, file, movedTo: folder, newestBackup: backup?.name ?? null },
      )
    }
  } else if (signs.length > 0 && !options.startFresh) {
    const backup = newest()
    throw new StoreOpenError(
      'missing',
      `The Pathfinder database in ${dataDir} is missing or empty, but earlier data was kept there.` +
        (backup ? ` The newest good backup is from ${when(backup.createdAt)}.` : ' No backup passes its check.'),
      { dataDir, file, newestBackup: backup?.name ?? null },
    )
  }

  try {
    return await openDatabaseFile(file, { ...options, openSqlite, now })
  } catch (error) {
    if (!(error instanceof StoreOpenError) || error.code === 'newer-version') throw error
    const backup = newest()
    const offer = backup ? ` The newest good backup is from ${when(backup.createdAt)}.` : ' There is no good backup to restore.'
    if (error.code === 'corrupt') {
      const movedTo = moveAside(file, 'corrupt', now())
      throw new StoreOpenError('corrupt', `${error.message} It was moved aside, unchanged, to ${movedTo}.${offer}`, {
        dataDir,
        file,
        movedTo,
        newestBackup: backup?.name ?? null,
      }, { cause: error })
    }
    throw new StoreOpenError(error.code, `${error.message}${offer}`, { dataDir, file, newestBackup: backup?.name ?? null }, { cause: error })
  }
}
