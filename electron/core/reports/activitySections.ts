import { addDays, addMonths, format } from 'date-fns'
import { activityKindLabels, type ActivityKind } from '@shared/domain/activities'
import { parseIsoDate, toIsoDate } from '@shared/domain/dates'
import {
  openSourceKinds,
  strategyWorkKinds,
  type ReportActivity,
  type ReportHeatmap,
  type ReportMonth,
  type ReportOpenSource,
  type ReportPeriod,
  type ReportRepository,
  type ReportStrategyWork,
} from '@shared/domain/report'
import { skillSeparator, type SourceActivity } from './reportSources'

/**
 * A heatmap draws one calendar row per year, so a multi-year report shows every year; past ten
 * years (an all-time report of a long career) it shows the last ten whole years and says so.
 */
export const heatmapMaxYears = 10

export interface ActivitySections {
  activities: ReportActivity[]
  openSource: ReportOpenSource
  strategyWork: ReportStrategyWork
  heatmap: ReportHeatmap
  activitiesBySkill: Map<string, number>
  activeDays: number
  hours: number
}

const newestFirst = (a: ReportActivity, b: ReportActivity): number => b.date.localeCompare(a.date) || b.id - a.id

function eachDay(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = parseIsoDate(from); toIsoDate(d) <= to; d = addDays(d, 1)) out.push(toIsoDate(d))
  return out
}

function eachMonth(from: string, to: string): string[] {
  const out: string[] = []
  const last = to.slice(0, 7)
  for (let d = parseIsoDate(`${from.slice(0, 7)}-01`); format(d, 'yyyy-MM') <= last; d = addMonths(d, 1)) out.push(format(d, 'yyyy-MM'))
  return out
}

function longestRun(days: readonly string[]): ReportHeatmap['longestStreak'] {
  let best = { length: 0, from: null as string | null, to: null as string | null }
  let runStart: string | null = null
  let runLength = 0
  let previous: string | null = null
  for (const day of days) {
    if (previous !== null && toIsoDate(addDays(parseIsoDate(previous), 1)) === day) runLength += 1
    else {
      runStart = day
      runLength = 1
    }
    if (runLength > best.length) best = { length: runLength, from: runStart, to: day }
    previous = day
  }
  return best
}

/** The activity log of the period, as the report's sections see it. One pass over the rows. */
export function buildActivitySections(
  rows: readonly SourceActivity[],
  skillTitles: ReadonlyMap<string, string>,
  period: ReportPeriod,
  excludeNotes: boolean,
): ActivitySections {
  const isOpenSource = new Set<ActivityKind>(openSourceKinds)
  const activities: ReportActivity[] = []
  const perDay = new Map<string, number>()
  const perMonth = new Map<string, ReportMonth>()
  const activitiesBySkill = new Map<string, number>()
  const repos = new Map<string, ReportRepository>()
  const byKind = new Map<ActivityKind, ReportActivity[]>()
  let hours = 0

  for (const row of rows) {
    const skillIds = row.skills === null ? [] : row.skills.split(skillSeparator)
    const activity: ReportActivity = {
      id: row.id,
      date: row.date,
      kind: row.kind,
      title: row.title,
      url: row.url,
      repo: row.repo,
      state: row.state,
      hours: row.hours,
      notes: excludeNotes || !row.notes?.trim() ? null : row.notes,
      skills: skillIds.map((id) => skillTitles.get(id) ?? id),
      goalId: row.goal_id,
      impact: row.impact?.trim() ? row.impact : null,
      starred: row.starred === 1,
    }
    activities.push(activity)
    perDay.set(row.date, (perDay.get(row.date) ?? 0) + 1)
    const monthKey = row.date.slice(0, 7)
    const month = perMonth.get(monthKey) ?? { month: monthKey, openSource: 0, strategyWork: 0, total: 0 }
    month.total += 1
    if (isOpenSource.has(row.kind)) month.openSource += 1
    else month.strategyWork += 1
    perMonth.set(monthKey, month)
    for (const id of skillIds) activitiesBySkill.set(id, (activitiesBySkill.get(id) ?? 0) + 1)
    hours += row.hours ?? 0
    const list = byKind.get(row.kind) ?? []
    list.push(activity)
    byKind.set(row.kind, list)

    if (isOpenSource.has(row.kind) && row.repo !== null && row.repo.trim() !== '') {
      // The store compares repository names ignoring case; so does the report.
      const key = row.repo.trim().toLowerCase()
      const repo = repos.get(key) ?? { repo: row.repo.trim(), contributions: 0, mergedPullRequests: 0, pullRequests: 0, lastDate: row.date }
      repo.contributions += 1
      if (row.kind === 'pull-request') repo.pullRequests += 1
      if (row.kind === 'pull-request' && row.state === 'merged') repo.mergedPullRequests += 1
      if (row.date > repo.lastDate) repo.lastDate = row.date
      repos.set(key, repo)
    }
  }

  const openSourceActivities = activities.filter((a) => isOpenSource.has(a.kind)).sort(newestFirst)
  const openSource: ReportOpenSource = {
    total: openSourceActivities.length,
    mergedPullRequests: openSourceActivities.filter((a) => a.kind === 'pull-request' && a.state === 'merged').length,
    byKind: openSourceKinds.map((kind) => ({ kind, label: activityKindLabels[kind].many, count: byKind.get(kind)?.length ?? 0 })),
    repositories: [...repos.values()].sort(
      (a, b) => b.mergedPullRequests - a.mergedPullRequests || b.contributions - a.contributions || a.repo.localeCompare(b.repo),
    ),
    activityIds: openSourceActivities.map((a) => a.id),
  }

  const groups = strategyWorkKinds.flatMap((kind) => {
    const list = byKind.get(kind) ?? []
    return list.length === 0 ? [] : [{ kind, label: activityKindLabels[kind].many, count: list.length, activityIds: [...list].sort(newestFirst).map((a) => a.id) }]
  })
  const strategyWork: ReportStrategyWork = { total: groups.reduce((n, g) => n + g.count, 0), groups }

  const firstYear = Number(period.to.slice(0, 4)) - heatmapMaxYears + 1
  const truncated = Number(period.from.slice(0, 4)) < firstYear
  const heatFrom = truncated ? `${firstYear}-01-01` : period.from
  const days = eachDay(heatFrom, period.to).map((date) => ({ date, count: perDay.get(date) ?? 0 }))
  const activeDayList = [...perDay.keys()].sort()
  const heatmap: ReportHeatmap = {
    from: heatFrom,
    to: period.to,
    truncated,
    days,
    max: days.reduce((m, d) => Math.max(m, d.count), 0),
    months: eachMonth(period.from, period.to).map((month) => perMonth.get(month) ?? { month, openSource: 0, strategyWork: 0, total: 0 }),
    longestStreak: longestRun(activeDayList),
  }

  return { activities, openSource, strategyWork, heatmap, activitiesBySkill, activeDays: activeDayList.length, hours: Math.round(hours * 10) / 10 }
}
