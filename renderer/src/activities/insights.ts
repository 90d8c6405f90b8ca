import { formatDay, formatDayRange, formatMonth, formatWeekday } from '../ui/dates'
import type { ActivityStats, HeatmapDay, Streak } from '@shared/domain/activities'

export const numberFormat = new Intl.NumberFormat('en-US')
export const plural = (n: number, one: string, many: string): string => `${numberFormat.format(n)} ${n === 1 ? one : many}`

/**
 * Heat levels 0..4, GitHub style: 0 is none, the rest split the busiest day's count into
 * quarters, so the busiest day is always the darkest and a filled day never fades into an
 * empty one.
 */
export function heatLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0
  const level = Math.ceil((count / max) * 4)
  return level >= 4 ? 4 : level <= 1 ? 1 : level === 2 ? 2 : 3
}

/** What each level means for this heatmap ("1–3 contributions"); '' for a level no count reaches. */
export function heatLegend(max: number): { level: 0 | 1 | 2 | 3 | 4; label: string }[] {
  const levels = [1, 2, 3, 4] as const
  return [
    { level: 0, label: 'No contributions' },
    ...levels.map((level) => {
      const counts = Array.from({ length: Math.min(max, 10_000) }, (_, i) => i + 1).filter((n) => heatLevel(n, max) === level)
      const low = counts[0]
      const high = counts.at(-1)
      const label = low === undefined || high === undefined ? '' : low === high ? plural(low, 'contribution', 'contributions') : `${numberFormat.format(low)}–${numberFormat.format(high)} contributions`
      return { level, label }
    }),
  ]
}

/** "3 contributions on Tue, Mar 4, 2027" */
export function daySentence(day: HeatmapDay): string {
  const when = formatWeekday(day.date)
  return day.count === 0 ? `No contributions on ${when}` : `${plural(day.count, 'contribution', 'contributions')} on ${when}`
}

/** The heatmap in one sentence, for people who cannot see it. */
export function heatmapSummary(heatmap: ActivityStats['heatmap']): string {
  const active = heatmap.days.filter((d) => d.count > 0)
  const range = `from ${formatDay(heatmap.from)} to ${formatDay(heatmap.to)}`
  if (active.length === 0) return `No contributions ${range}.`
  const busiest = active.reduce((best, d) => (d.count > best.count ? d : best))
  return `${plural(heatmap.total, 'contribution', 'contributions')} on ${plural(active.length, 'day', 'days')} ${range}. Busiest day: ${daySentence(busiest).replace(/ on /, ', ')}.`
}

export interface MonthRow {
  month: string
  label: string
  count: number
  activeDays: number
}

/** Per month of the heatmap window: the text table behind both charts. */
export function monthRows(stats: ActivityStats): MonthRow[] {
  return stats.months.map(({ month, count }) => {
    const days = stats.heatmap.days.filter((d) => d.date.startsWith(month) && d.count > 0)
    return { month, label: formatMonth(month), count, activeDays: days.length }
  })
}

/** "Mar 3 – 14, 2027" (en-US), "3–14 Mar 2027" (en-GB), or "" for an empty run. */
export function streakRange(streak: Streak): string {
  if (!streak.from || !streak.to) return ''
  return streak.from === streak.to ? formatDay(streak.from) : formatDayRange(streak.from, streak.to)
}
