import { contract } from '@shared/contract'
import type { CoreContext } from '../context'
import { handle, type CoreHandlers } from '../ipc/handle'
import { createWeeklyReviewRepository } from '../weeklyReview/weeklyReviewRepository'
import { readReminderSettings, saveReminderSettings } from './reminderSettings'
import { remindersDueAt, reviewWeekFor, wallClock } from './reminderSchedule'
import { createRemindersRepository } from './remindersRepository'

/** A banner lists what was handed out in the last two days at most: older ones have had their day. */
const openForMs = 2 * 86_400_000

export function remindersHandlers(ctx: CoreContext): CoreHandlers['reminders'] {
  const c = contract.reminders
  const repo = createRemindersRepository(ctx.db)
  const reviews = createWeeklyReviewRepository(ctx.db)

  const dueNow = (timeZone: string) => {
    const now = ctx.now()
    const clock = wallClock(now, timeZone)
    const reviewWeek = reviewWeekFor(clock.today)
    return remindersDueAt({
      now,
      timeZone,
      settings: readReminderSettings(ctx),
      dueThings: repo.dueThings(clock.today, clock.tomorrow),
      reviewedWeeks: reviews.reviewedWeeks(reviewWeek, reviewWeek),
    })
  }

  return {
    settings: handle(c.settings, () => readReminderSettings(ctx), ctx.log),
    saveSettings: handle(c.saveSettings, (changes) => saveReminderSettings(ctx, changes), ctx.log),
    take: handle(c.take, ({ timeZone }) => repo.takeNew(dueNow(timeZone), ctx.now().toISOString()), ctx.log),
    open: handle(
      c.open,
      ({ timeZone }) => {
        const now = ctx.now()
        return repo.open(new Date(now.getTime() - openForMs).toISOString(), wallClock(now, timeZone).today)
      },
      ctx.log,
    ),
    dismiss: handle(c.dismiss, ({ keys }) => ({ dismissed: repo.dismiss(keys, ctx.now().toISOString()) }), ctx.log),
  }
}
