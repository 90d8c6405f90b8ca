import { format } from 'date-fns'

/**
 * Calendar dates ("2027-03-31") are the user's days, not instants: they are read and written
 * in the machine's local time zone, so "today" is the day on the user's wall calendar.
 */
export type IsoDate = string

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/

const invalid = (value: IsoDate) => new RangeError(`"${value}" is not a date like 2027-03-31`)

/**
 * Year, month and day of a valid date, read by hand: date-fns' parse took some 4 µs a call,
 * and a dashboard or report with years of history calls it thousands of times (npm run bench).
 */
function isoParts(value: IsoDate): [year: number, month: number, day: number] {
  if (!isoDatePattern.test(value)) throw invalid(value)
  const year = Number(value.slice(0, 4))
  const month = Number(value.slice(5, 7))
  const day = Number(value.slice(8, 10))
  // Day numbers of the proleptic calendar: this rejects 2027-02-30 and month 13.
  const check = new Date(0)
  check.setUTCFullYear(year, month - 1, day)
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw invalid(value)
  return [year, month, day]
}

/** Local midnight of the day (setFullYear, not the constructor, so years below 100 stay themselves). */
export function parseIsoDate(value: IsoDate): Date {
  const [year, month, day] = isoParts(value)
  const date = new Date(0)
  date.setFullYear(year, month - 1, day)
  date.setHours(0, 0, 0, 0)
  return date
}

/** Days since 1970-01-01 of a calendar date: no time zone, so no daylight-saving hour to round away. */
function dayNumber(value: IsoDate): number {
  const [year, month, day] = isoParts(value)
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  return date.getTime() / 86_400_000
}

export const toIsoDate = (date: Date): IsoDate => format(date, 'yyyy-MM-dd')

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from)
