import { join } from 'node:path'
import { z } from 'zod'
import { themeChoice } from '@shared/contract/desktop'
import { readJsonFile, writeJsonFile } from './jsonFile'

/** What the desktop shell remembers beside the data: the window's theme and whether to check spelling. */
const preferences = z.object({ theme: themeChoice.catch('system'), spellcheck: z.boolean().catch(false) })
export type Preferences = z.infer<typeof preferences>

const defaults: Preferences = { theme: 'system', spellcheck: false }

export function createPreferences(dir: string) {
  const file = join(dir, 'preferences.json')
  let current: Preferences = readJsonFile(file, preferences) ?? defaults
  return {
    get: (): Preferences => current,
    set(changes: Partial<Preferences>): Preferences {
      current = { ...current, ...changes }
      writeJsonFile(file, current)
      return current
    },
  }
}
