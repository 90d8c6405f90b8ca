import type { Streak } from '@shared/domain/activities'
import { dayNumber, mondayOf } from './dayNumbers'

const none: Streak = { length: 0, from: null, to: null }

interface Unit {
  /** Day number of the unit: the day itself, or the Monday of a week. */
  key: number
  /** First and last active day in the unit. */
  first: string
  last: string
}

/** Splits sorted units into runs of consecutive ones; `step` is 1 for days and 7 for weeks. */
function runsOf(units: Unit[], step: number): Streak[] {
  const runs: Streak[] = []
  let previous: number | null = null
  for (const unit of units) {
    const current = runs.at(-1)
    if (current && previous !== null && unit.key - previous === step) {
      current.length += 1
      current.to = unit.last
    } else {
      runs.push({ length: 1, from: unit.first, to: unit.last })
    }
    previous = unit.key
  }
  return runs
}

const longestOf = (runs: Streak[]): Streak => runs.reduce<Streak>((best, run) => (run.length > best.length ? { ...run } : best), none)

function streaks(units: Unit[], step: number, todayKey: number): { current: Streak; longest: Streak } {
  const runs = runsOf(units, step)
  const last = runs.at(-1)
  const lastKey = units.at(-1)?.key
  // A run that ended one unit ago is still current: today (this week) is not over yet.
  const current = last && lastKey !== undefined && todayKey - lastKey <= step ? { ...last } : none
  return { current, longest: longestOf(runs) }
}

/** Current and longest runs of active days. `days` are distinct YYYY-MM-DD, oldest first, none after today. */
export function dayStreaks(days: readonly string[], today: string): { current: Streak; longest: Streak } {
  return streaks(days.map((d) => ({ key: dayNumber(d), first: d, last: d })), 1, dayNumber(today))
}

/** The same for weeks (Monday to Sunday) with at least one active day. */
export function weekStreaks(days: readonly string[], today: string): { current: Streak; longest: Streak } {
  const weeks: Unit[] = []
  for (const day of days) {
    const key = mondayOf(dayNumber(day))
    const week = weeks.at(-1)
    if (week && week.key === key) week.last = day
    else weeks.push({ key, first: day, last: day })
  }
  return streaks(weeks, 7, mondayOf(dayNumber(today)))
}
