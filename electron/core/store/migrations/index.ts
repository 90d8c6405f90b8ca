import type { Migration } from './types'
import { roadmap } from './001_roadmap'
import { goals } from './002_goals'
import { activities } from './003_activities'
import { reports } from './004_reports'
import { activitySpeed } from './005_activity_speed'
import { activityDayByKind } from './006_activity_day_by_kind'
import { goalActivityTarget } from './007_goal_activity_target'
import { evidenceActivity } from './008_evidence_activity'
import { goalCompletedAt } from './009_goal_completed_at'
import { activitySame } from './010_activity_same'
import { activityImpact } from './011_activity_impact'
import { remindersWeeklyReview } from './012_reminders_weekly_review'
import { activityRepositoryStar } from './013_activity_repository_star'
import { activitySources } from './014_activity_sources'
import { sync } from './015_sync'
import { syncReconcile } from './016_sync_reconcile'
import { syncServer } from './017_sync_server'

/** In order. Append only: a shipped migration is never edited, a new one is added. */
export const migrations: readonly Migration[] = [roadmap, goals, activities, reports, activitySpeed, activityDayByKind, goalActivityTarget, evidenceActivity, goalCompletedAt, activitySame, activityImpact, remindersWeeklyReview, activityRepositoryStar, activitySources, sync, syncReconcile, syncServer]

export type { Migration }
