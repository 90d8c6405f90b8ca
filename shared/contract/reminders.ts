import { z } from 'zod'
import { channel } from './channel'
import { isoDate, noInput } from './fields'
import { timeZone } from './reports'
import type { Reminder, ReminderSettings } from '../domain/reminders'
import { clockTimePattern } from '../domain/weeklyReview'

export const weeklyReviewScheduleInput = z.strictObject({
  enabled: z.boolean({ error: 'Say whether the weekly review is on' }),
  weekday: z.literal([0, 1, 2, 3, 4, 5, 6], { error: 'Choose a day of the week' }),
  time: z.string({ error: 'Choose a time like 16:00' }).regex(clockTimePattern, 'Choose a time like 16:00'),
})

/** At most this many keys in one dismissal: a banner never lists more. */
const maxKeys = 200
export const reminderKey = z
  .string({ error: 'A reminder is named by its key' })
  .min(1, 'A reminder is named by its key')
  .max(120, 'That is not a reminder')
  .regex(/^(goal|milestone):\d+:\d{4}-\d{2}-\d{2}:(day-before|on-day)$|^review:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'That is not a reminder')

export const reminderTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('goal'), goalId: z.number().int().positive() }),
  z.strictObject({ kind: z.literal('review'), weekStart: isoDate }),
])

/** A reminder as the core answers it: main reads the answer with this before showing it. */
export const reminderSchema = z.object({ key: reminderKey, title: z.string(), body: z.string(), target: reminderTarget })

/** Where the caller's wall clock is: the day before and the chosen time are days and times there. */
const whereIAm = z.strictObject({ timeZone })

export const remindersChannels = {
  settings: channel<ReminderSettings>()(noInput),
  /** Changes only what is given. */
  saveSettings: channel<ReminderSettings>()(z.strictObject({ dueDates: z.boolean({ error: 'Say whether due-date reminders are on' }).optional(), weeklyReview: weeklyReviewScheduleInput.optional() })),
  /**
   * The reminders due now that were never handed out, each recorded as fired as it is returned:
   * whoever asks (main's timer, a browser tab) gets it once, across sleep and restarts.
   */
  take: channel<Reminder[]>()(whereIAm),
  /** Reminders handed out and not yet dismissed, while they still matter: what a banner lists. */
  open: channel<Reminder[]>()(whereIAm),
  dismiss: channel<{ dismissed: number }>()(z.strictObject({ keys: z.array(reminderKey, { error: 'Give a list of reminders' }).max(maxKeys, `Dismiss at most ${maxKeys} at once`) })),
}
