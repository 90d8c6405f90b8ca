import { addDays, getISODay } from 'date-fns'
import type { HeatmapDay } from './activities'
import { parseIsoDate, toIsoDate, type IsoDate } from './dates'

export interface WorkSummary {
  /** Activities from this Monday to today. */
  thisWeek: number
  /** Activities from the 1st of this month to today. */
  thisMonth: number
  /**
   * The last `weeks` weeks, Monday first, oldest week first; days after today are null so the
   * current week's column keeps its shape.
   */
  weeks: (HeatmapDay | null)[][]
  /** The busiest day in those weeks, for the colour scale. */
  max: number
}

/**
 * The dashboard's "your work" figures, read off the year of day counts the activity stats
 * already hold: no query of its own, so the dashboard costs one call more, not one scan more.
 */
export function summarizeWork(days: readonly HeatmapDay[], today: IsoDate, weeks = 12): WorkSummary {
  const counts = new Map(days.map((d) => [d.date, d.count]))
  const todayDate = parseIsoDate(today)
  const monday = addDays(todayDate, 1 - getISODay(todayDate))
  const sumFrom = (from: IsoDate) => days.reduce((n, d) => (d.date >= from && d.date <= today ? n + d.count : n), 0)

  const first = addDays(monday, -7 * (weeks - 1))
  const grid: (HeatmapDay | null)[][] = []
  let max = 0
  for (let w = 0; w < weeks; w++) {
    const column: (HeatmapDay | null)[] = []
    for (let d = 0; d < 7; d++) {
      const date = toIsoDate(addDays(first, w * 7 + d))
      if (date > today) {
        column.push(null)
        continue
      }
      const count = counts.get(date) ?? 0
      max = Math.max(max, count)
      column.push({ date, count })
    }
    grid.push(column)
  }
  return { thisWeek: sumFrom(toIsoDate(monday)), thisMonth: sumFrom(`${today.slice(0, 7)}-01`), weeks: grid, max }
}
