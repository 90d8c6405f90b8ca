import type { IsoDate } from './dates'
import type { WeeklyReviewSchedule } from './weeklyReview'

/** What a reminder opens when clicked: the goal (a milestone's goal too) or the week's review. */
export type ReminderTarget = { kind: 'goal'; goalId: number } | { kind: 'review'; weekStart: IsoDate }

export interface Reminder {
  /**
   * Names one reminder for good: 'goal:12:2027-03-31:day-before', 'milestone:5:2027-03-31:on-day',
   * 'review:2027-03-26T16:00'. A moved due date is a new key, so it reminds again.
   */
  key: string
  title: string
  body: string
  target: ReminderTarget
}

export interface ReminderSettings {
  /** Goals and milestones due: a reminder the day before and on the day. Off until turned on. */
  dueDates: boolean
  weeklyReview: WeeklyReviewSchedule
}

/** Where a reminder's target lives in the renderer's router. */
export function reminderRoute(target: ReminderTarget): { path: string; query: Record<string, string> } {
  return target.kind === 'goal' ? { path: '/goals', query: { goal: String(target.goalId) } } : { path: '/reviews', query: { write: target.weekStart } }
}
