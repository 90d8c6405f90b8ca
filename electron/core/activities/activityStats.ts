import { addDays, eachDayOfInterval, format, parseISO, startOfMonth, startOfYear, subMonths, subYears } from 'date-fns'
import { z } from 'zod'
import { activityKindSchema } from '@shared/domain/careerPath'
import type { ActivityKind, ActivityStats, MonthCount, TopRepository } from '@shared/domain/activities'
import type { Db } from '../store/database'
import { dayOf } from './activityRules'
import { dayStreaks, weekStreaks } from './streaks'
import { summarizeStrategy } from './strategySummary'

const kindsJson = z.array(activityKindSchema).catch([])
const parseKinds = (json: string): ActivityKind[] => {
  try {
    return kindsJson.parse(JSON.parse(json))
  } catch {
    return []
  }
}

/**
 * Everything the activity dashboard shows, from a handful of indexed aggregate queries.
 * Every query carries `deleted_at IS NULL` so the partial indexes of migration 003 serve it.
 */
export function createActivityStats(db: Db) {
  const perDay = db.prepare<[string, string], { date: string; n: number }>(
    'SELECT date, count(*) AS n FROM activity a WHERE a.deleted_at IS NULL AND a.date BETWEEN ? AND ? GROUP BY a.date',
  )
  const activeDays = db.prepare<[string], { date: string }>(
    'SELECT DISTINCT date FROM activity a WHERE a.deleted_at IS NULL AND a.date <= ? ORDER BY a.date',
  )
  const topRepos = db.prepare<[string, string], TopRepository>(`
    SELECT repo, count(*) AS count, max(date) AS lastDate FROM activity a
    WHERE a.deleted_at IS NULL AND a.repo IS NOT NULL AND a.date BETWEEN ? AND ?
    GROUP BY a.repo ORDER BY count DESC, a.repo LIMIT 10`)
  const perKind = db.prepare<[string, string], { kind: ActivityKind; n: number; merged: number }>(`
    SELECT kind, count(*) AS n, sum(a.state = 'merged') AS merged FROM activity a
    WHERE a.deleted_at IS NULL AND a.date BETWEEN ? AND ? GROUP BY a.kind`)
  const reposForKinds = db.prepare<[string, string, string], { n: number }>(`
    SELECT count(DISTINCT a.repo) AS n FROM activity a
    WHERE a.deleted_at IS NULL AND a.kind IN (SELECT value FROM json_each(?)) AND a.date BETWEEN ? AND ? AND a.repo IS NOT NULL`)
  const strategiesOf = db.prepare<[string], { id: string; title: string; activity_kinds: string }>(`
    SELECT s.id, s.title, s.activity_kinds FROM roadmap_node s
      LEFT JOIN roadmap_node g ON g.id = s.parent_id
      LEFT JOIN item_state st ON st.item_id = s.id
    WHERE s.path_id = ? AND s.kind = 'strategy' AND s.retired = 0 AND coalesce(st.hidden, 0) = 0
    ORDER BY g.position, s.custom, s.position`)

  return (now: Date, pathId: string | null): ActivityStats => {
    const today = dayOf(now)
    const from = dayOf(addDays(subYears(now, 1), 1))

    const counts = new Map(perDay.all(from, today).map((r) => [r.date, r.n]))
    const days = eachDayOfInterval({ start: parseISO(from), end: parseISO(today) }).map((d) => {
      const date = format(d, 'yyyy-MM-dd')
      return { date, count: counts.get(date) ?? 0 }
    })
    const monthsFrom = dayOf(startOfMonth(subMonths(now, 11)))
    const byMonth = new Map<string, number>()
    // The months window starts inside the heatmap's, so the day counts already hold it.
    for (const { date, count } of days) {
      if (date >= monthsFrom) byMonth.set(date.slice(0, 7), (byMonth.get(date.slice(0, 7)) ?? 0) + count)
    }
    const months: MonthCount[] = Array.from({ length: 12 }, (_, i) => {
      const month = format(subMonths(now, 11 - i), 'yyyy-MM')
      return { month, count: byMonth.get(month) ?? 0 }
    })

    const active = activeDays.all(today).map((r) => r.date)
    const dayRuns = dayStreaks(active, today)
    const weekRuns = weekStreaks(active, today)

    const yearFrom = dayOf(startOfYear(now))
    const kinds = perKind.all(yearFrom, today)
    const byKind = new Map(kinds.map((k) => [k.kind, k.n]))
    const merged = kinds.find((k) => k.kind === 'pull-request')?.merged ?? 0
    const strategies = pathId === null ? [] : strategiesOf.all(pathId)

    return {
      today,
      year: now.getFullYear(),
      heatmap: {
        from,
        to: today,
        days,
        max: days.reduce((m, d) => Math.max(m, d.count), 0),
        total: days.reduce((sum, d) => sum + d.count, 0),
      },
      streaks: {
        currentDays: dayRuns.current,
        longestDays: dayRuns.longest,
        currentWeeks: weekRuns.current,
        longestWeeks: weekRuns.longest,
      },
      months,
      topRepositories: topRepos.all(from, today),
      strategies: strategies.map((s) => {
        const strategyKinds = parseKinds(s.activity_kinds)
        return summarizeStrategy({
          strategyId: s.id,
          title: s.title,
          kinds: strategyKinds,
          byKind,
          mergedPullRequests: strategyKinds.includes('pull-request') ? merged : 0,
          repositories: strategyKinds.length > 0 ? (reposForKinds.get(JSON.stringify(strategyKinds), yearFrom, today)?.n ?? 0) : 0,
        })
      }),
    }
  }
}
