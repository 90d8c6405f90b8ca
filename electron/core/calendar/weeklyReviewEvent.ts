import { addDays } from 'date-fns'
import { ICalEventRepeatingFreq, ICalEventTransparency, ICalWeekday, type ICalEventData } from 'ical-generator'
import { parseIsoDate, toIsoDate } from '@shared/domain/dates'
import { uidDomain } from './calendarUid'
import { sequenceOf } from './calendarSequence'

/**
 * The weekly review's schedule as the calendar needs it: weekday 0-6 (0 = Sunday) and a local
 * time 'HH:MM'. `updatedAt`, when the schedule's store keeps one, makes SEQUENCE follow its edits.
 */
export interface WeeklyReviewForCalendar {
  weekday: number
  time: string
  updatedAt?: string
}

const weekdays: readonly ICalWeekday[] = [ICalWeekday.SU, ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA]
/** How long the review is blocked for in the calendar. */
export const weeklyReviewMinutes = 30

export const weeklyReviewUid = (folderId: string): string => `weekly-review@${uidDomain(folderId)}`

/** The first day on or after `today` that falls on `weekday`. */
function firstOnOrAfter(today: string, weekday: number): string {
  const day = parseIsoDate(today)
  return toIsoDate(addDays(day, (weekday - day.getDay() + 7) % 7))
}

/**
 * A weekly event at the review's local time. Floating (no zone): the review is at 17:00 wherever
 * the person is, which is what a habit means. Without a stored change time, each export is the
 * schedule's newest version (SEQUENCE from the export's clock), since the schedule may have changed.
 */
export function weeklyReviewEvent(review: WeeklyReviewForCalendar, folderId: string, today: string, now: Date): ICalEventData {
  const weekday = weekdays[review.weekday]
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(review.time)
  if (weekday === undefined || !match) throw new Error(`A weekly review schedule the calendar cannot read: ${review.weekday} ${review.time}`)
  const first = firstOnOrAfter(today, review.weekday)
  const start = new Date(`${first}T${match[1]}:${match[2]}:00.000Z`)
  return {
    ...sequenceOf(review.updatedAt ?? now.toISOString()),
    id: weeklyReviewUid(folderId),
    stamp: now,
    floating: true,
    start,
    end: new Date(start.getTime() + weeklyReviewMinutes * 60_000),
    repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [weekday] },
    summary: 'Weekly review',
    description: 'Your weekly review in Pathfinder: look back at the week’s work and plan the next.',
    transparency: ICalEventTransparency.OPAQUE,
    categories: [{ name: 'Pathfinder' }, { name: 'Weekly review' }],
  }
}
