import { addDays, format, startOfMonth, startOfYear, subMonths, subYears } from 'date-fns'
import { z } from 'zod'
import { activityKindSchema } from '@shared/domain/careerPath'
import type { ActivityKind, ActivityStats, HeatmapDay, MonthCount, TopRepository } from '@shared/domain/activities'
import type { Db } from '../store/database'
import { dayOf } from './activityRules'
import { dayNumber, dayString } from './dayNumbers'
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
  // Day, kind and month figures come from activity_day (migration 005), kept by triggers.
  const perDay = db.prepare<[string, string], { date: string; n: number }>(
    'SELECT date, sum(n) AS n FROM activity_day WHERE date BETWEEN ? AND ? GROUP BY date',
  )
  const activeDays = db.prepare<[string], { date: string }>('SELECT DISTINCT date FROM activity_day WHERE date <= ? ORDER BY date')
  const perKind = db.prepare<[string, string], { kind: ActivityKind; n: number; merged: number }>(`
    SELECT kind, sum(n) AS n, sum(CASE WHEN state = 'merged' THEN n ELSE 0 END) AS merged FROM activity_day
    WHERE date BETWEEN ? AND ? GROUP BY kind`)
  const topRepos = db.prepare<[string, string], TopRepository>(`
    SELECT repo, count(*) AS count, max(date) AS lastDate FROM activity a
    WHERE a.deleted_at IS NULL AND a.repo IS NOT NULL AND a.date BETWEEN ? AND ?
    GROUP BY a.repo ORDER BY count DESC, a.repo LIMIT 10`)
  // INDEXED BY: with statistics the planner prefers a skip-scan of activity_kind_date that
  // reads every row (measured 15 ms against 4 ms with 100,000 activities).
  const kindRepos = db.prepare<[string, string], { kind: ActivityKind; repo: string }>(`
    SELECT DISTINCT kind, repo FROM activity a INDEXED BY activity_date_kind_repo
    WHERE a.deleted_at IS NULL AND a.repo IS NOT NULL AND a.date BETWEEN ? AND ?`)
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
    const days: HeatmapDay[] = []
    for (let n = dayNumber(from), end = dayNumber(today); n <= end; n++) {
      const date = dayString(n)
      days.push({ date, count: counts.get(date) ?? 0 })
    }
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
    const reposByKind = new Map<ActivityKind, Set<string>>()
    if (strategies.length > 0) {
      for (const { kind, repo } of kindRepos.all(yearFrom, today)) {
        const set = reposByKind.get(kind) ?? new Set<string>()
        set.add(repo.toLowerCase())
        reposByKind.set(kind, set)
      }
    }
    const repositoriesFor = (kinds: readonly ActivityKind[]): number =>
      new Set(kinds.flatMap((kind) => [...(reposByKind.get(kind) ?? [])])).size

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
          repositories: repositoriesFor(strategyKinds),
        })
      }),
    }
  }
}
