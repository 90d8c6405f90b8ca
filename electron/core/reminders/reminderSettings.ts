import { z } from 'zod'
import type { ReminderSettings } from '@shared/domain/reminders'
import { defaultWeeklyReviewSchedule } from '@shared/domain/weeklyReview'
import { weeklyReviewScheduleInput } from '@shared/contract/reminders'
import type { CoreContext } from '../context'
import { settingKeys } from '../settings/settingKeys'

// A value an older or hand-edited file left in a shape this version does not read is "off".
const stored = z
  .object({
    dueDates: z.boolean().catch(false),
    weeklyReview: weeklyReviewScheduleInput.catch(defaultWeeklyReviewSchedule),
  })
  .catch({ dueDates: false, weeklyReview: defaultWeeklyReviewSchedule })

/** Both kinds of reminder are off until the person turns them on. */
export function readReminderSettings(ctx: Pick<CoreContext, 'settings'>): ReminderSettings {
  const value = ctx.settings.get(settingKeys.reminders)
  return stored.parse(value ?? { dueDates: false, weeklyReview: defaultWeeklyReviewSchedule })
}

export function saveReminderSettings(ctx: Pick<CoreContext, 'settings'>, changes: Partial<ReminderSettings>): ReminderSettings {
  const next = { ...readReminderSettings(ctx), ...changes }
  ctx.settings.set(settingKeys.reminders, next)
  return next
}
