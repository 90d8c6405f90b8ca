import { z } from 'zod'
import type { RoadmapItem } from '@shared/domain/roadmap'
import type { SettingsRepository } from '../settings/settingsRepository'
import { settingKeys } from '../settings/settingKeys'

const key = settingKeys.chosenTracks
const stored = z.array(z.string()).catch([])

/**
 * The chosen tracks that still exist, in path order. A track a content update retired, or a
 * custom track the user removed, simply drops out.
 */
export function readChosenTracks(settings: SettingsRepository, pathId: string, items: readonly RoadmapItem[]): string[] {
  const chosen = new Set(stored.parse(settings.get(key(pathId))))
  return items.filter((item) => item.kind === 'track' && chosen.has(item.id)).map((item) => item.id)
}

export function writeChosenTracks(settings: SettingsRepository, pathId: string, trackIds: readonly string[]): void {
  settings.set(key(pathId), trackIds)
}
