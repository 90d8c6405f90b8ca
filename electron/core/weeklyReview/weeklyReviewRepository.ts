import type { ActivityKind } from '@shared/domain/careerPath'
import { parseIsoDate, type IsoDate } from '@shared/domain/dates'
import { isoWeekLabel, shiftWeek, weekEndOf, type WeekActivity, type WeeklyReview, type WeekPlanChange } from '@shared/domain/weeklyReview'
import type { Db } from '../store/database'

interface ReviewRow {
  week_start: string
  shipped: string
  learned: string
  next: string
  created_at: string
  updated_at: string
}

const toReview = (row: ReviewRow): WeeklyReview => ({
  weekStart: row.week_start,
  weekEnd: weekEndOf(row.week_start),
  isoWeek: isoWeekLabel(row.week_start),
  shipped: row.shipped,
  learned: row.learned,
  next: row.next,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

interface ChangeRow {
  kind: WeekPlanChange['kind']
  at: string
  title: string
  goal_title: string | null
  from_value: string | null
  to_value: string | null
  goal_id: number | null
  item_id: string | null
}

const statusWords: Record<string, string> = { 'not-started': 'not started', 'in-progress': 'in progress', done: 'done', skipped: 'skipped' }
const valueWords = (kind: ChangeRow['kind'], value: string | null): string => (value === null ? (kind === 'level' ? 'no level' : 'not started') : kind === 'level' ? value : (statusWords[value] ?? value))

function describe(row: ChangeRow): string {
  switch (row.kind) {
    case 'status':
      return `${row.title}: ${valueWords('status', row.from_value)} → ${valueWords('status', row.to_value)}`
    case 'level':
      return `${row.title}: level ${valueWords('level', row.from_value)} → ${valueWords('level', row.to_value)}`
    case 'goal-done':
      return `Goal done: ${row.title}`
    case 'milestone-done':
      return `Milestone done: ${row.title}${row.goal_title ? ` (${row.goal_title})` : ''}`
  }
}

/** The weekly review's entries, and what the week held, read for its dialog. */
export function createWeeklyReviewRepository(db: Db) {
  const upsert = db.prepare<[{ weekStart: string; shipped: string; learned: string; next: string; at: string }]>(/* sql */ `
    INSERT INTO weekly_review (week_start, shipped, learned, next, created_at, updated_at)
    VALUES (@weekStart, @shipped, @learned, @next, @at, @at)
    ON CONFLICT (week_start) DO UPDATE SET shipped = excluded.shipped, learned = excluded.learned, next = excluded.next, updated_at = excluded.updated_at`)
  const one = db.prepare<[string], ReviewRow>('SELECT * FROM weekly_review WHERE week_start = ?')
  const all = db.prepare<[], ReviewRow>('SELECT * FROM weekly_review ORDER BY week_start DESC')
  // A week overlaps the period when it starts on or before its end and ends on or after its start.
  const between = db.prepare<[string, string], ReviewRow>("SELECT * FROM weekly_review WHERE week_start <= ? AND date(week_start, '+6 days') >= ? ORDER BY week_start")
  const activities = db.prepare<[string, string], WeekActivity & { kind: ActivityKind }>(/* sql */ `
    SELECT id, kind, date, title, repo, impact FROM activity
    WHERE deleted_at IS NULL AND date BETWEEN ? AND ? ORDER BY date, id`)
  const changes = db.prepare<{ from: string; to: string }, ChangeRow>(/* sql */ `
    SELECT h.field AS kind, h.at, coalesce((SELECT n.title FROM roadmap_node n WHERE n.id = h.item_id LIMIT 1), h.item_id) AS title,
           NULL AS goal_title, h.from_value, h.to_value, NULL AS goal_id, h.item_id
      FROM item_state_history h WHERE h.at >= @from AND h.at < @to
    UNION ALL
    SELECT 'goal-done', g.completed_at, g.title, NULL, NULL, NULL, g.id, NULL
      FROM goal g WHERE g.status = 'done' AND g.completed_at >= @from AND g.completed_at < @to
    UNION ALL
    SELECT 'milestone-done', m.done_at, m.title, g.title, NULL, NULL, g.id, NULL
      FROM milestone m JOIN goal g ON g.id = m.goal_id WHERE m.done_at >= @from AND m.done_at < @to
    ORDER BY 2, 1`)
  const reviewedAmong = db.prepare<[string, string], { week_start: string }>('SELECT week_start FROM weekly_review WHERE week_start BETWEEN ? AND ?')

  return {
    save(entry: { weekStart: IsoDate; shipped: string; learned: string; next: string }, at: string): WeeklyReview {
      upsert.run({ ...entry, at })
      const row = one.get(entry.weekStart)
      if (!row) throw new Error(`The review of ${entry.weekStart} was not saved`)
      return toReview(row)
    },
    get: (weekStart: IsoDate): WeeklyReview | null => {
      const row = one.get(weekStart)
      return row ? toReview(row) : null
    },
    list: (): WeeklyReview[] => all.all().map(toReview),
    /** Reviews of the weeks that overlap from..to (calendar dates, both included). */
    between: (from: IsoDate, to: IsoDate): WeeklyReview[] => between.all(to, from).map(toReview),
    activitiesOf: (weekStart: IsoDate): WeekActivity[] => activities.all(weekStart, weekEndOf(weekStart)),
    /** Plan changes made in the week, its days read on this machine's clock (the core runs beside the person). */
    changesOf(weekStart: IsoDate): WeekPlanChange[] {
      const from = parseIsoDate(weekStart).toISOString()
      const to = parseIsoDate(shiftWeek(weekStart, 1)).toISOString()
      return changes.all({ from, to }).map((row) => ({ kind: row.kind, at: row.at, text: describe(row), goalId: row.goal_id, itemId: row.item_id }))
    },
    reviewedWeeks: (from: IsoDate, to: IsoDate): Set<IsoDate> => new Set(reviewedAmong.all(from, to).map((r) => r.week_start)),
  }
}

export type WeeklyReviewRepository = ReturnType<typeof createWeeklyReviewRepository>
