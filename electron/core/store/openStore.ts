import { existsSync, readdirSync, renameSync, statSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { fileStamp, listBackups, newestGoodBackup } from './backupFiles'
import { databasePath, latestVersion, openDatabaseFile, sqliteOpener, type OpenedDatabase, type OpenOptions } from './database'
import { StoreOpenError } from './storeOpenError'

export interface OpenStoreOptions extends OpenOptions {
  /** Create an empty store even though backups show there was data (the person chose to). */
  startFresh?: boolean
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

/** A store that should exist: backups of it, or a damaged one moved aside earlier. */
function traceOfEarlierData(file: string): boolean {
  if (listBackups(dirname(file)).length > 0) return true
  const pattern = corruptPattern(file)
  return readdirSync(dirname(file)).some((name) => pattern.test(name))
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

  const empty = !existsSync(file) || statSync(file).size === 0
  if (empty && !options.startFresh && existsSync(dataDir) && traceOfEarlierData(file)) {
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
