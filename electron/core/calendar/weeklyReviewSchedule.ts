import type { CoreContext } from '../context'
import { readWeeklyReviewSchedule } from '../weeklyReview/readWeeklyReviewSchedule'
import type { WeeklyReviewForCalendar } from './weeklyReviewEvent'

/** The weekly review's day and time for the calendar, or null while the person has it off. */
export type WeeklyReviewReader = (ctx: Pick<CoreContext, 'db' | 'settings'>) => WeeklyReviewForCalendar | null

export const weeklyReviewForCalendar: WeeklyReviewReader = (ctx) => {
  const schedule = readWeeklyReviewSchedule(ctx)
  return schedule.enabled ? { weekday: schedule.weekday, time: schedule.time } : null
}
