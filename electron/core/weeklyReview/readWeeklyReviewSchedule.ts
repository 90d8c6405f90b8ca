import type { WeeklyReviewSchedule } from '@shared/domain/weeklyReview'
import type { CoreContext } from '../context'
import { readReminderSettings } from '../reminders/reminderSettings'

/** The weekly review's day and time, and whether it is on (off by default): for the calendar export and the reminders. */
export const readWeeklyReviewSchedule = (ctx: Pick<CoreContext, 'settings'>): WeeklyReviewSchedule => readReminderSettings(ctx).weeklyReview
