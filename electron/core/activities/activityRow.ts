import type { Activity, ActivityKind, ActivitySkill, ActivitySource, ActivityState } from '@shared/domain/activities'

/** An activity as stored. Column names are the SQL ones. */
export interface ActivityRow {
  id: number
  kind: ActivityKind
  date: string
  title: string
  url: string | null
  repo: string | null
  state: ActivityState | null
  hours: number | null
  notes: string | null
  impact: string | null
  /** 0 or 1. */
  starred: number
  goal_id: number | null
  source: ActivitySource
  external_key: string | null
  commit_count: number | null
  lines_changed: number | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

/** What a person (or an import) decides about an activity; the store adds id and times. */
export interface ActivityFields extends Pick<Activity, 'kind' | 'date' | 'title' | 'url' | 'repo' | 'state' | 'hours' | 'notes' | 'impact' | 'starred' | 'goalId'> {
  skillIds: string[]
}

export type ImportedFields = ActivityFields & Pick<Activity, 'source' | 'externalKey' | 'commitCount' | 'linesChanged'>

export const toActivity = (row: ActivityRow, skills: ActivitySkill[]): Activity => ({
  id: row.id,
  kind: row.kind,
  date: row.date,
  title: row.title,
  url: row.url,
  repo: row.repo,
  state: row.state,
  hours: row.hours,
  notes: row.notes,
  impact: row.impact,
  starred: row.starred === 1,
  goalId: row.goal_id,
  source: row.source,
  externalKey: row.external_key,
  commitCount: row.commit_count,
  linesChanged: row.lines_changed,
  skills,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

export const fieldsOf = (activity: Activity): ActivityFields => ({
  kind: activity.kind,
  date: activity.date,
  title: activity.title,
  url: activity.url,
  repo: activity.repo,
  state: activity.state,
  hours: activity.hours,
  notes: activity.notes,
  impact: activity.impact,
  starred: activity.starred,
  goalId: activity.goalId,
  skillIds: activity.skills.map((s) => s.id),
})
