import type { CoreContext } from '../context'
import type { WeeklyReviewForCalendar } from './weeklyReviewEvent'

/**
 * The weekly review's schedule when it is on, for the calendar. The review itself
 * (shared/domain/weeklyReview.ts, `WeeklyReviewSchedule = { enabled, weekday, time }`) is
 * being built apart; wiring its reader here is the one change the calendar needs: return
 * `{ weekday, time }` when `enabled`, else null.
 */
export type WeeklyReviewReader = (ctx: Pick<CoreContext, 'db' | 'settings'>) => WeeklyReviewForCalendar | null

export const readWeeklyReviewSchedule: WeeklyReviewReader = () => null
