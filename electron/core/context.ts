import type { Db } from './store/database'
import type { SettingsRepository } from './settings/settingsRepository'
import type { Logger } from './ipc/handle'

/** What every feature's handlers are built from. One store, one clock, one log. */
export interface CoreContext {
  db: Db
  settings: SettingsRepository
  now: () => Date
  log: Logger
  dataDir: string
}
