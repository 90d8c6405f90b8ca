import type { Db } from '../store/database'
import type { SettingsRepository } from '../settings/settingsRepository'
import { activePath } from '../roadmap/activePath'
import { createRoadmapRepository } from '../roadmap/roadmapRepository'

/** The career path the roadmap shows; null when none is installed (stats then skip strategies). */
export function activePathIdOf(db: Db, settings: SettingsRepository): () => string | null {
  const roadmap = createRoadmapRepository(db)
  return () => {
    try {
      return activePath(roadmap, settings).id
    } catch {
      return null
    }
  }
}
