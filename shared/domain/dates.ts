import { differenceInCalendarDays, format, isValid, parse } from 'date-fns'

/**
 * Calendar dates ("2027-03-31") are the user's days, not instants: they are read and written
 * in the machine's local time zone, so "today" is the day on the user's wall calendar.
 */
export type IsoDate = string

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/

export function parseIsoDate(value: IsoDate): Date {
  const date = parse(value, 'yyyy-MM-dd', new Date(0))
  if (!isoDatePattern.test(value) || !isValid(date)) throw new RangeError(`"${value}" is not a date like 2027-03-31`)
  return date
}

export const toIsoDate = (date: Date): IsoDate => format(date, 'yyyy-MM-dd')

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => differenceInCalendarDays(parseIsoDate(to), parseIsoDate(from))
