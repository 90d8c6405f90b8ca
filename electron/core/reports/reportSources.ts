import type { Goal } from '@shared/domain/goals'
import type { CareerPathSummary, RoadmapItem } from '@shared/domain/roadmap'
import type { ReportPeriod } from '@shared/domain/report'
import type { ActivityRow } from '../activities/activityRow'
import { createGoalsRepository } from '../goals/goalsRepository'
import { activePath } from '../roadmap/activePath'
import { readChosenTracks } from '../roadmap/chosenTracks'
import { createRoadmapRepository } from '../roadmap/roadmapRepository'
import type { SettingsRepository } from '../settings/settingsRepository'
import type { Db } from '../store/database'
import { dayIn } from './period'
import { readPrivateRepositories } from './privateRepositories'

export interface HistoryRow {
  item_id: string
  field: 'status' | 'level'
  from_value: string | null
  to_value: string | null
  at: string
}

export interface SourceActivity extends Pick<ActivityRow, 'id' | 'kind' | 'date' | 'title' | 'url' | 'repo' | 'state' | 'hours' | 'notes' | 'impact' | 'starred' | 'goal_id'> {
  /** Skill ids joined by U+001F, null when none. */
  skills: string | null
}

/** Everything a report is computed from, read in one go. */
export interface ReportSources {
  path: CareerPathSummary
  /** The active path's items in path order, with their current state. */
  items: RoadmapItem[]
  chosenTrackIds: string[]
  /** Every status and level change, oldest first. */
  history: HistoryRow[]
  /** Goals that are not archived; overdue judged on `asOf`. */
  goals: Goal[]
  /** Activities dated inside the period, oldest first. */
  activities: SourceActivity[]
  privateRepositories: string[]
}

export const skillSeparator = '\u001f'

/**
 * The store reads behind a report: a handful of indexed queries, whatever the period's size.
 * Aggregation happens in the pure model builder, not in SQL, so every format and figure comes
 * from the same rows.
 */
export function createReportSources(db: Db, settings: SettingsRepository) {
  const roadmap = createRoadmapRepository(db)
  const goals = createGoalsRepository(db)
  const earliestStmt = db.prepare<[], { activity: string | null; history: string | null; goal: string | null }>(`
    SELECT (SELECT min(date) FROM activity WHERE deleted_at IS NULL) AS activity,
           (SELECT min(at) FROM item_state_history) AS history,
           (SELECT min(start_date) FROM goal WHERE archived_at IS NULL) AS goal`)
  const historyStmt = db.prepare<[], HistoryRow>('SELECT item_id, field, from_value, to_value, at FROM item_state_history ORDER BY at, id')
  const activitiesStmt = db.prepare<[string, string], SourceActivity>(`
    SELECT a.id, a.kind, a.date, a.title, a.url, a.repo, a.state, a.hours, a.notes, a.impact, a.starred, a.goal_id,
           (SELECT group_concat(s.item_id, char(31)) FROM activity_skill s WHERE s.activity_id = a.id) AS skills
    FROM activity a
    WHERE a.deleted_at IS NULL AND a.date BETWEEN ? AND ?
    ORDER BY a.date, a.id`)

  return {
    /** The first day anything was logged, in the user's calendar: where "all time" starts. */
    earliestDay(zone: string): string | null {
      const row = earliestStmt.get()
      const days = [row?.activity ?? null, row?.history ? dayIn(row.history, zone) : null, row?.goal ?? null].filter((d): d is string => d !== null)
      return days.length === 0 ? null : days.reduce((a, b) => (a < b ? a : b))
    },
    load(period: ReportPeriod, asOf: string): ReportSources {
      return db.transaction((): ReportSources => {
        const path = activePath(roadmap, settings)
        const items = roadmap.listItems(path.id)
        return {
          path,
          items,
          chosenTrackIds: readChosenTracks(settings, path.id, items),
          history: historyStmt.all(),
          goals: goals.list({ archived: 'exclude' }, asOf, { countThrough: period.to }),
          activities: activitiesStmt.all(period.from, period.to),
          privateRepositories: readPrivateRepositories(settings),
        }
      })()
    },
  }
}

export type ReportSourcesReader = ReturnType<typeof createReportSources>
