import { format, parseISO } from 'date-fns'
import { daysBetween, parseIsoDate, toIsoDate, type IsoDate } from '@shared/domain/dates'

/** The user's today on their wall calendar. */
export const todayIso = (): IsoDate => toIsoDate(new Date())

/** "3 Jun 2027" */
export const formatDay = (date: IsoDate): string => format(parseIsoDate(date), 'd MMM yyyy')

/** "3 Jun 2027, 14:05" from a stored UTC instant, shown in local time. */
export const formatInstant = (instant: string): string => format(parseISO(instant), 'd MMM yyyy, HH:mm')
/** The day of a stored instant, in this computer's calendar. */
export const formatInstantDay = (instant: string): string => format(parseISO(instant), 'd MMM yyyy')

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`)

/** "Due today", "In 5 days", "Overdue by 3 days": words, so the state never rests on colour alone. */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return 'Due today'
  if (daysLeft === 1) return 'Due tomorrow'
  return daysLeft > 0 ? `In ${days(daysLeft)}` : `Overdue by ${days(-daysLeft)}`
}

export const daysLeftUntil = (date: IsoDate, today: IsoDate): number => daysBetween(today, date)
