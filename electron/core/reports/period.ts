import { TZDate, tz } from '@date-fns/tz'
import { addDays, format, subMonths } from 'date-fns'
import { daysBetween, parseIsoDate, toIsoDate } from '@shared/domain/dates'
import type { ReportPeriod } from '@shared/domain/report'
import type { ReportOptions } from '@shared/contract/reports'

/** The day an instant falls on in a zone's calendar. */
export const dayIn = (instant: Date | string, zone: string): string =>
  format(typeof instant === 'string' ? new Date(instant) : instant, 'yyyy-MM-dd', { in: tz(zone) })

/** The instant a calendar day starts in a zone, as stored timestamps are written (UTC ISO-8601). */
export function startOfDayIn(day: string, zone: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, zone).getTime()).toISOString()
}

export const nextDay = (day: string): string => toIsoDate(addDays(parseIsoDate(day), 1))

export const longDate = (day: string): string => format(parseIsoDate(day), 'd MMMM yyyy')
export const shortDate = (day: string): string => format(parseIsoDate(day), 'd MMM yyyy')

/** "1 January 2026 to 25 November 2026", or one date for a one-day period. */
export const rangeInWords = (from: string, to: string): string => (from === to ? longDate(from) : `${longDate(from)} to ${longDate(to)}`)

interface Span {
  from: string
  to: string
  label: string
}

/**
 * The period's days in the user's calendar. Periods that are still running ("this year")
 * end today: a report says what happened, not what might.
 */
function span(period: ReportOptions['period'], today: string, earliest: string | null): Span {
  const day = parseIsoDate(today)
  const year = today.slice(0, 4)
  switch (period.preset) {
    case 'this-month':
      return { from: `${today.slice(0, 7)}-01`, to: today, label: format(day, 'MMMM yyyy') }
    case 'this-quarter': {
      const q = Math.floor((day.getMonth()) / 3)
      return { from: `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`, to: today, label: `Q${q + 1} ${year}` }
    }
    case 'this-year':
      return { from: `${year}-01-01`, to: today, label: year }
    case 'last-12-months':
      return { from: toIsoDate(addDays(subMonths(day, 12), 1)), to: today, label: 'Last 12 months' }
    case 'all-time': {
      const from = earliest !== null && earliest < today ? earliest : today
      return { from, to: today, label: 'All time' }
    }
    case 'custom':
      return { from: period.from, to: period.to, label: customLabel(period.from, period.to) }
  }
}

/** Whole months, quarters and years get their short name; other spans their dates. */
function customLabel(from: string, to: string): string {
  const last = (d: string) => nextDay(d).endsWith('-01')
  if (from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4)
  if (from.endsWith('-01') && last(to) && from.slice(0, 7) === to.slice(0, 7)) return format(parseIsoDate(from), 'MMMM yyyy')
  const startMonth = Number(from.slice(5, 7))
  if (from.endsWith('-01') && last(to) && from.slice(0, 4) === to.slice(0, 4) && (startMonth - 1) % 3 === 0 && Number(to.slice(5, 7)) === startMonth + 2) {
    return `Q${(startMonth - 1) / 3 + 1} ${from.slice(0, 4)}`
  }
  const sameYear = from.slice(0, 4) === to.slice(0, 4)
  if (sameYear && from.endsWith('-01-01') && to.endsWith('-06-30')) return `H1 ${from.slice(0, 4)}`
  if (sameYear && from.endsWith('-07-01') && to.endsWith('-12-31')) return `H2 ${from.slice(0, 4)}`
  return sameYear
    ? `${format(parseIsoDate(from), 'd MMM')} – ${shortDate(to)}`
    : `${shortDate(from)} – ${shortDate(to)}`
}

/**
 * @param now the clock
 * @param earliest the first day anything was logged (for "all time"), in the user's calendar
 */
export function resolvePeriod(period: ReportOptions['period'], zone: string, now: Date, earliest: string | null): ReportPeriod {
  const today = dayIn(now, zone)
  const { from, to, label } = span(period, today, earliest)
  return {
    preset: period.preset,
    label,
    range: rangeInWords(from, to),
    from,
    to,
    timeZone: zone,
    startsAt: startOfDayIn(from, zone),
    endsAt: startOfDayIn(nextDay(to), zone),
    days: daysBetween(from, to) + 1,
  }
}
