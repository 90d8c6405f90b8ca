import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import { parseIsoDate, toIsoDate, type IsoDate } from '@shared/domain/dates'
import type { Reminder, ReminderSettings } from '@shared/domain/reminders'
import { isoWeekLabel, weekStartOf } from '@shared/domain/weeklyReview'

/** An open goal's target date or an open milestone's due date. */
export interface DueThing {
  kind: 'goal' | 'milestone'
  id: number
  goalId: number
  title: string
  goalTitle: string
  dueDate: IsoDate
}

export interface ScheduleInput {
  now: Date
  /** The person's zone: "the day before" and "16:00" are read on their wall clock. */
  timeZone: string
  settings: ReminderSettings
  /** Open goals and milestones due today or tomorrow (more are ignored). */
  dueThings: readonly DueThing[]
  /** Weeks (their Mondays) whose review is already written: no reminder to write it. */
  reviewedWeeks: ReadonlySet<IsoDate>
}

/** Due-date reminders come in the morning, not at midnight. */
export const dueReminderTime = '09:00'

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))

/** The person's calendar day, weekday and minute of the day at `now`. */
export function wallClock(now: Date, timeZone: string): { today: IsoDate; tomorrow: IsoDate; weekday: number; minute: number } {
  const local = new TZDate(now.getTime(), timeZone)
  const today = format(local, 'yyyy-MM-dd')
  return { today, tomorrow: toIsoDate(addDays(parseIsoDate(today), 1)), weekday: local.getDay(), minute: local.getHours() * 60 + local.getMinutes() }
}

/**
 * The week a review written on `day` looks back on: its own ISO week, except on a Monday, which
 * has barely begun its week and looks back on the one just ended.
 */
export function reviewWeekFor(day: IsoDate): IsoDate {
  const start = weekStartOf(day)
  return start === day ? toIsoDate(addDays(parseIsoDate(start), -7)) : start
}

/**
 * Every reminder that is due at `now`, whether or not it was handed out already (the caller
 * remembers that). Times compare on the wall clock, not as instants: on the night clocks
 * spring forward a 02:30 that never happens is due at the first minute after it (03:00), and
 * on the night they fall back a 02:30 that happens twice has one key, so it fires once.
 *
 * - a goal's target date or a milestone's due date: "due tomorrow" from 09:00 the day before,
 *   "due today" from 09:00 on the day, each until that day ends (a day slept through is skipped);
 * - the weekly review: from its time on its weekday until that day ends, unless that week's
 *   review is written already.
 */
export function remindersDueAt(input: ScheduleInput): Reminder[] {
  const clock = wallClock(input.now, input.timeZone)
  const due: Reminder[] = []
  if (input.settings.dueDates && clock.minute >= minutesOf(dueReminderTime)) {
    for (const thing of input.dueThings) {
      const when = thing.dueDate === clock.today ? 'on-day' : thing.dueDate === clock.tomorrow ? 'day-before' : null
      if (!when) continue
      const day = when === 'on-day' ? 'today' : 'tomorrow'
      due.push({
        key: `${thing.kind}:${thing.id}:${thing.dueDate}:${when}`,
        title: `Due ${day}: ${thing.title}`,
        body: thing.kind === 'goal' ? `Your goal's target date is ${day}.` : `A milestone of “${thing.goalTitle}”, due ${day}.`,
        target: { kind: 'goal', goalId: thing.goalId },
      })
    }
  }
  const review = input.settings.weeklyReview
  if (review.enabled && clock.weekday === review.weekday && clock.minute >= minutesOf(review.time)) {
    const weekStart = reviewWeekFor(clock.today)
    if (!input.reviewedWeeks.has(weekStart)) {
      due.push({
        key: `review:${clock.today}T${review.time}`,
        title: 'Time for your weekly review',
        body: `What did you ship, learn, and want next? Week ${isoWeekLabel(weekStart)}.`,
        target: { kind: 'review', weekStart },
      })
    }
  }
  return due
}
