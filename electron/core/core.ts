import { join } from 'node:path'
import type { CareerPathFile } from '@shared/domain/careerPath'
import { loadPathDir, loadPathFile } from './content/loadPaths'
import { upsertContent } from './content/upsertContent'
import { createHandlers } from './handlers'
import { createDispatcher, type Dispatcher } from './ipc/dispatcher'
import type { Logger } from './ipc/handle'
import { createSettingsRepository } from './settings/settingsRepository'
import { databasePath, openDatabase, type Db } from './store/database'

export interface CoreOptions {
  /** Folder that holds the database and its backups. */
  dataDir: string
  /** Folder of career path files (data/paths). */
  contentDir: string
  /** More path files to load, e.g. a test fixture. */
  extraPathFiles?: string[]
  nativeBinding?: string
  now?: () => Date
  log?: Logger
}

export interface Core extends Dispatcher {
  readonly db: Db
  close(): void
}

/** Opens the store, loads content, and returns the dispatcher both hosts serve. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date())
  const log = options.log ?? console
  const paths: CareerPathFile[] = [...loadPathDir(options.contentDir), ...(options.extraPathFiles ?? []).map(loadPathFile)]
  const db = await openDatabase(databasePath(options.dataDir), { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), now })
  try {
    upsertContent(db, paths, now())
    const ctx = { db, settings: createSettingsRepository(db), now, log, dataDir: options.dataDir }
    const dispatcher = createDispatcher(createHandlers(ctx))
    return { ...dispatcher, db, close: () => db.close() }
  } catch (error) {
    db.close()
    throw error
  }
}

export const defaultContentDir = (appRoot: string): string => join(appRoot, 'data', 'paths')
