import { z } from 'zod'
import type { ImportSettings } from '@shared/domain/activities'
import type { SettingsRepository } from '../settings/settingsRepository'
import { settingKeys } from '../settings/settingKeys'

/** What is stored in SQLite: whether a token is kept is the host's business, not the database's. */
type StoredSettings = Omit<ImportSettings, 'githubTokenOrigins'>

const key = settingKeys.importSettings
const stored = z
  .object({ gitEmails: z.array(z.string()).catch([]), githubUsername: z.string().nullable().catch(null) })
  .catch({ gitEmails: [], githubUsername: null })

/** Emails and username only. A GitHub token is never part of this: it is not stored in SQLite. */
export function createImportSettings(settings: SettingsRepository) {
  return {
    get(): StoredSettings {
      return stored.parse(settings.get(key) ?? {})
    },
    set(changes: Partial<StoredSettings>): StoredSettings {
      const before = stored.parse(settings.get(key) ?? {})
      const next: StoredSettings = {
        gitEmails: changes.gitEmails ? [...new Set(changes.gitEmails.map((e) => e.trim().toLowerCase()))] : before.gitEmails,
        githubUsername: changes.githubUsername === undefined ? before.githubUsername : changes.githubUsername,
      }
      settings.set(key, next)
      return next
    },
  }
}
