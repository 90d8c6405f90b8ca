import type { GoalStatus } from '@shared/domain/goals'
import type { Db } from '../store/database'

export interface CalendarGoal {
  id: number
  title: string
  description: string | null
  status: GoalStatus
  targetDate: string
  updatedAt: string
  archivedAt: string | null
}

export interface CalendarMilestone {
  id: number
  title: string
  dueDate: string
  doneAt: string | null
  updatedAt: string
  goal: Pick<CalendarGoal, 'id' | 'title' | 'status' | 'updatedAt' | 'archivedAt'>
}

export interface CalendarSources {
  /** Goals with a target date, archived ones too (they go out cancelled). */
  goals: CalendarGoal[]
  /** Milestones with a due date, with the goal they belong to. */
  milestones: CalendarMilestone[]
}

interface MilestoneRow {
  id: number
  title: string
  due_date: string
  done_at: string | null
  updated_at: string
  goal_id: number
  goal_title: string
  goal_status: GoalStatus
  goal_updated_at: string
  goal_archived_at: string | null
}

/** Every dated goal and milestone, read in one transaction; two indexed scans whatever the store's size. */
export function createCalendarSources(db: Db) {
  const goalsStmt = db.prepare<[], CalendarGoal>(`
    SELECT id, title, description, status, target_date AS targetDate, updated_at AS updatedAt, archived_at AS archivedAt
    FROM goal WHERE target_date IS NOT NULL ORDER BY target_date, id`)
  const milestonesStmt = db.prepare<[], MilestoneRow>(`
    SELECT m.id, m.title, m.due_date, m.done_at, m.updated_at,
           g.id AS goal_id, g.title AS goal_title, g.status AS goal_status, g.updated_at AS goal_updated_at, g.archived_at AS goal_archived_at
    FROM milestone m JOIN goal g ON g.id = m.goal_id
    WHERE m.due_date IS NOT NULL ORDER BY m.due_date, m.id`)
  return {
    load(): CalendarSources {
      return db.transaction(
        (): CalendarSources => ({
          goals: goalsStmt.all(),
          milestones: milestonesStmt.all().map((r) => ({
            id: r.id,
            title: r.title,
            dueDate: r.due_date,
            doneAt: r.done_at,
            updatedAt: r.updated_at,
            goal: { id: r.goal_id, title: r.goal_title, status: r.goal_status, updatedAt: r.goal_updated_at, archivedAt: r.goal_archived_at },
          })),
        }),
      )()
    },
  }
}
