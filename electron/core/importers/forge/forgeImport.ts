import type { ImportIssue } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { SettingsRepository } from '../../settings/settingsRepository'
import type { Db } from '../../store/database'
import type { ImportRun } from '../importRun'
import type { ForgeClientOptions } from './forgeClient'

/** What every forge import is given besides its own fields. */
export interface ForgeImportOptions extends ImportRun, Pick<ForgeClientOptions, 'sleep' | 'maxWaitMs' | 'fetch'> {
  apiUrl: string
  /** Sent only to `apiUrl`'s origin; never stored by the import. */
  token?: string | undefined
  /** Only items updated on or after this day (YYYY-MM-DD). */
  since?: string | undefined
  now: () => Date
}

/** Where a forge import writes. */
export interface ForgeStore {
  db: Db
  repo: ActivitiesRepository
  settings: SettingsRepository
}

export const count = (n: number): string => n.toLocaleString('en-US')

/** Says how many of something were left out and why, once, when any were. */
export function noteLeftOut(notes: ImportIssue[], n: number, sentence: (n: string) => string): void {
  if (n > 0) notes.push({ message: sentence(count(n)) })
}

/** The client options a forge import passes through from its caller. */
export const passThrough = (options: ForgeImportOptions) => ({
  signal: options.signal,
  now: options.now,
  ...(options.sleep ? { sleep: options.sleep } : {}),
  ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
  ...(options.fetch ? { fetch: options.fetch } : {}),
})
