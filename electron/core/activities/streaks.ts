import { differenceInCalendarDays, format, parseISO, startOfWeek } from 'date-fns'
import type { Streak } from '@shared/domain/activities'

const none: Streak = { length: 0, from: null, to: null }

interface Run {
  /** Calendar keys of the run's units (days or week starts), consecutive. */
  length: number
  from: string
  to: string
}

/**
 * Splits sorted units into runs of consecutive ones. `step` is the distance in days between
 * two consecutive units (1 for days, 7 for week starts); `first`/`last` give the active days
 * a unit covers, so a week run reports the first and last day actually worked.
 */
function runsOf(units: { key: string; first: string; last: string }[], step: number): Run[] {
  const runs: Run[] = []
  let previous: string | null = null
  for (const unit of units) {
    const current = runs.at(-1)
    if (current && previous !== null && differenceInCalendarDays(parseISO(unit.key), parseISO(previous)) === step) {
      current.length += 1
      current.to = unit.last
    } else {
      runs.push({ length: 1, from: unit.first, to: unit.last })
    }
    previous = unit.key
  }
  return runs
}

const longestOf = (runs: Run[]): Streak =>
  runs.reduce<Streak>((best, run) => (run.length > best.length ? { ...run } : best), none)

/**
 * Current and longest runs of active days. `days` are distinct YYYY-MM-DD, oldest first, none
 * after today. A run that ended yesterday is still current: today is not over yet.
 */
export function dayStreaks(days: readonly string[], today: string): { current: Streak; longest: Streak } {
  const runs = runsOf(days.map((d) => ({ key: d, first: d, last: d })), 1)
  const last = runs.at(-1)
  const gap = last ? differenceInCalendarDays(parseISO(today), parseISO(last.to)) : Infinity
  return { current: last && gap <= 1 ? { ...last } : none, longest: longestOf(runs) }
}

const weekStart = (day: string): string => format(startOfWeek(parseISO(day), { weekStartsOn: 1 }), 'yyyy-MM-dd')

/** The same for weeks (Monday to Sunday) with at least one active day. */
export function weekStreaks(days: readonly string[], today: string): { current: Streak; longest: Streak } {
  const weeks: { key: string; first: string; last: string }[] = []
  for (const day of days) {
    const key = weekStart(day)
    const week = weeks.at(-1)
    if (week && week.key === key) week.last = day
    else weeks.push({ key, first: day, last: day })
  }
  const runs = runsOf(weeks, 7)
  const lastWeek = weeks.at(-1)
  const gap = lastWeek ? differenceInCalendarDays(parseISO(weekStart(today)), parseISO(lastWeek.key)) : Infinity
  const last = runs.at(-1)
  return { current: last && gap <= 7 ? { ...last } : none, longest: longestOf(runs) }
}
