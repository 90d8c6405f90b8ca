import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { settingKeys } from '../settings/settingKeys'
import type { SettingsRepository } from '../settings/settingsRepository'

const folderId = z.string().regex(/^[0-9a-f]{12}$/)

/**
 * The data folder's own part of every calendar UID: two people's exports (goal 3 in each) never
 * collide in one calendar, and one person's exports keep their UIDs, so a re-import updates.
 * Made on the first calendar export and kept in the store, so a restore or an import of
 * everything carries it along.
 */
export function calendarFolderId(settings: SettingsRepository): string {
  const stored = folderId.safeParse(settings.get(settingKeys.calendarFolderId))
  if (stored.success) return stored.data
  const made = randomBytes(6).toString('hex')
  settings.set(settingKeys.calendarFolderId, made)
  return made
}
