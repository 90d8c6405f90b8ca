import type { CareerPathSummary } from '@shared/domain/roadmap'
import { DomainError } from '../ipc/domainError'
import type { SettingsRepository } from '../settings/settingsRepository'
import { settingKeys } from '../settings/settingKeys'
import type { RoadmapRepository } from './roadmapRepository'

export const activePathKey = settingKeys.activePath

/** The path the user follows: their choice, else the backend developer path, else the first one. */
export function activePath(repo: RoadmapRepository, settings: SettingsRepository): CareerPathSummary {
  const paths = repo.listPaths()
  const chosen = settings.get(activePathKey)
  const path = paths.find((p) => p.id === chosen) ?? paths.find((p) => p.id === 'backend-developer') ?? paths[0]
  if (!path) throw new DomainError('unavailable', 'No career path is installed. Reinstall the app to restore its content.')
  return path
}
