import { z } from 'zod'
import type { ActivityKind, ActivityState } from '@shared/domain/activities'
import type { RoadmapItem } from '@shared/domain/roadmap'
import type { ReportPeriod } from '@shared/domain/report'
import { createImportSettings } from '../../importers/importSettings'
import { activePath } from '../../roadmap/activePath'
import { createRoadmapRepository } from '../../roadmap/roadmapRepository'
import { settingKeys } from '../../settings/settingKeys'
import type { SettingsRepository } from '../../settings/settingsRepository'
import type { Db } from '../../store/database'
import { readPrivateRepositories } from '../privateRepositories'

export interface ResumeActivity {
  id: number
  kind: ActivityKind
  date: string
  title: string
  url: string | null
  repo: string | null
  state: ActivityState | null
  impact: string | null
  /** Skill ids joined by U+001F, null when none. */
  skills: string | null
}

/** Everything a JSON Resume is made from, read in one transaction. */
export interface ResumeSources {
  person: { name: string | null; jobTitle: string | null }
  githubUsername: string | null
  /** The active path's items in path order, with their current state. */
  items: RoadmapItem[]
  /** Live activities dated inside the period, oldest first. */
  activities: ResumeActivity[]
  privateRepositories: string[]
}

export const resumeSkillSeparator = '\u001f'

// A profile an older or hand-edited file left in another shape reads as "no name", never as a crash.
const storedPerson = z
  .object({ name: z.string().nullable().catch(null), jobTitle: z.string().nullable().catch(null) })
  .catch({ name: null, jobTitle: null })

export function createResumeSources(db: Db, settings: SettingsRepository) {
  const roadmap = createRoadmapRepository(db)
  const imports = createImportSettings(settings)
  const activitiesStmt = db.prepare<[string, string], ResumeActivity>(`
    SELECT a.id, a.kind, a.date, a.title, a.url, a.repo, a.state, a.impact,
           (SELECT group_concat(s.item_id, char(31)) FROM activity_skill s WHERE s.activity_id = a.id) AS skills
    FROM activity a
    WHERE a.deleted_at IS NULL AND a.date BETWEEN ? AND ?
    ORDER BY a.date, a.id`)

  return {
    load(period: Pick<ReportPeriod, 'from' | 'to'>): ResumeSources {
      return db.transaction(
        (): ResumeSources => ({
          person: storedPerson.parse(settings.get(settingKeys.profile) ?? {}),
          githubUsername: imports.get().githubUsername,
          items: roadmap.listItems(activePath(roadmap, settings).id),
          activities: activitiesStmt.all(period.from, period.to),
          privateRepositories: readPrivateRepositories(settings),
        }),
      )()
    },
  }
}
