/**
 * The same answers as the core's queries, each computed by one hand-written SQL statement over
 * the same file: what SQLite alone costs for the question, without our layers (zod, handlers,
 * repositories, JS post-processing). ours / baseline is the figure that holds across machines.
 *
 * Each returns the projection its operation compares (see operations.ts), so the unit test can
 * prove on a small data set that both sides answer the same.
 */
import type { Db } from '../electron/core/store/database'
import type { ActivityPageProjection, StatsProjection, SummaryProjection } from './projections'

const parseJson = (text: string | undefined): unknown => (text === undefined ? undefined : JSON.parse(text))

/** The dashboard: progress by stage, track and group, deadlines, next skills, in one statement. */
export function summaryBaseline(db: Db) {
  const stmt = db.prepare<{ path: string; today: string }, { answer: string }>(/* sql */ `
    WITH RECURSIVE
      node AS (
        SELECT n.id, n.parent_id, n.kind, n.custom, n.position,
               coalesce(s.status, 'not-started') AS status, coalesce(s.hidden, 0) AS hidden
        FROM roadmap_node n LEFT JOIN item_state s ON s.item_id = n.id
        WHERE n.path_id = @path AND n.retired = 0
      ),
      -- Each measured item with itself and every ancestor, carrying what each one says.
      up(item, at, hidden, skipped, depth) AS (
        SELECT id, id, hidden, status = 'skipped', 0 FROM node WHERE kind IN ('skill', 'strategy')
        UNION ALL
        SELECT up.item, p.id, p.hidden, p.status = 'skipped', up.depth + 1
        FROM up JOIN node c ON c.id = up.at JOIN node p ON p.id = c.parent_id
      ),
      bucket AS (
        SELECT up.item, CASE WHEN max(up.hidden) THEN 'hidden' WHEN max(up.skipped) THEN 'skipped' ELSE n.status END AS b
        FROM up JOIN node n ON n.id = up.item GROUP BY up.item
      ),
      progress AS (
        SELECT up.at AS id, sum(b = 'done') AS done, sum(b = 'in-progress') AS ip, sum(b = 'not-started') AS ns,
               sum(b = 'skipped') AS sk, sum(b = 'hidden') AS hd
        FROM up JOIN bucket USING (item) GROUP BY up.at
      ),
      -- Depth-first path order: seed items before custom ones, then by position.
      ord(id, key) AS (
        SELECT id, printf('%d.%09d/', custom, position) FROM node WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, ord.key || printf('%d.%09d/', c.custom, c.position) FROM ord JOIN node c ON c.parent_id = ord.id
      ),
      chosen AS (
        SELECT j.value AS id FROM setting s, json_each(s.value) j WHERE s.key = 'roadmap.chosenTracks.' || @path
      ),
      entries AS (
        SELECT n.id, n.kind, ord.key, n.id IN (SELECT id FROM chosen) AS chosen,
               json_array(n.id, coalesce(p.done, 0), coalesce(p.ip, 0), coalesce(p.ns, 0), coalesce(p.sk, 0), coalesce(p.hd, 0)) AS entry
        FROM node n JOIN ord USING (id) LEFT JOIN progress p USING (id)
        WHERE n.kind IN ('stage', 'track', 'strategy-group')
      ),
      open_goal AS (
        SELECT g.id, g.target_date, julianday(g.target_date) - julianday(@today) AS days_left,
               CASE WHEN count(m.id) = 0 THEN min(100, max(0, g.manual_progress)) / 100.0
                    ELSE sum(m.done_at IS NOT NULL) * 1.0 / count(m.id) END AS progress
        FROM goal g LEFT JOIN milestone m ON m.goal_id = g.id
        WHERE g.archived_at IS NULL AND g.status IN ('active', 'paused')
        GROUP BY g.id
      ),
      next_up AS (
        SELECT up.item, (SELECT t.id FROM up u2 JOIN node t ON t.id = u2.at AND t.kind = 'track' WHERE u2.item = up.item ORDER BY u2.depth LIMIT 1) AS track
        FROM up JOIN node n ON n.id = up.item AND n.kind = 'skill' JOIN bucket b ON b.item = up.item AND b.b IN ('not-started', 'in-progress')
        WHERE up.depth = 0
      )
    -- Each value goes through json(): a scalar subquery drops the JSON subtype (SQLite 3.5x), and
    -- json_object would quote the array as text.
    SELECT json_object(
      'overall', json((SELECT json_array(sum(b = 'done'), sum(b = 'in-progress'), sum(b = 'not-started'), sum(b = 'skipped'), sum(b = 'hidden')) FROM bucket)),
      'stages', json((SELECT json_group_array(json(entry)) FROM (SELECT entry FROM entries WHERE kind = 'stage' ORDER BY key))),
      'tracks', json((SELECT json_group_array(json_array(json(entry), json(CASE WHEN chosen THEN 'true' ELSE 'false' END))) FROM (SELECT entry, chosen FROM entries WHERE kind = 'track' ORDER BY key))),
      'groups', json((SELECT json_group_array(json(entry)) FROM (SELECT entry FROM entries WHERE kind = 'strategy-group' ORDER BY key))),
      'chosen', json((SELECT json_group_array(id) FROM (SELECT id FROM entries WHERE kind = 'track' AND chosen ORDER BY key))),
      'dueSoon', json((SELECT json_group_array(json_array(id, CAST(days_left AS INTEGER), progress)) FROM (
        SELECT * FROM open_goal WHERE target_date >= @today AND target_date <= date(@today, '+30 days') ORDER BY days_left, id))),
      'overdueGoals', json((SELECT json_group_array(json_array(id, CAST(days_left AS INTEGER), progress)) FROM (
        SELECT * FROM open_goal WHERE target_date < @today ORDER BY days_left, id))),
      'dueSoonMilestones', json((SELECT json_group_array(json_array(id, days_left, goal_id)) FROM (
        SELECT m.id, CAST(julianday(m.due_date) - julianday(@today) AS INTEGER) AS days_left, m.goal_id FROM milestone m JOIN open_goal g ON g.id = m.goal_id
        WHERE m.done_at IS NULL AND m.due_date >= @today AND m.due_date <= date(@today, '+30 days') ORDER BY m.due_date, m.id))),
      'overdueMilestones', json((SELECT json_group_array(json_array(id, days_left, goal_id)) FROM (
        SELECT m.id, CAST(julianday(m.due_date) - julianday(@today) AS INTEGER) AS days_left, m.goal_id FROM milestone m JOIN open_goal g ON g.id = m.goal_id
        WHERE m.done_at IS NULL AND m.due_date < @today ORDER BY m.due_date, m.id))),
      'nextUp', json((SELECT json_group_array(json_array(item, track)) FROM (
        SELECT next_up.item, next_up.track FROM next_up JOIN ord ON ord.id = next_up.item
        WHERE next_up.track IN (SELECT id FROM chosen) ORDER BY ord.key)))
    ) AS answer`)
  return (path: string, today: string): SummaryProjection => normalizeSummary(parseJson(stmt.get({ path, today })?.answer))
}

/** json_group_array of nothing is '[]'; of json_array rows it is nested arrays. Progress is rounded as ours is. */
function normalizeSummary(value: unknown): SummaryProjection {
  const answer = isRecord(value) ? value : {}
  const rows = (key: string): unknown[][] => (Array.isArray(answer[key]) ? answer[key].filter(Array.isArray) : [])
  const deadline = (row: unknown[]): [number, number, number] => [Number(row[0]), Number(row[1]), roundProgress(Number(row[2]))]
  const entry = (row: unknown[]): [string, number, number, number, number, number] => [
    String(row[0]),
    Number(row[1]),
    Number(row[2]),
    Number(row[3]),
    Number(row[4]),
    Number(row[5]),
  ]
  const overall = Array.isArray(answer.overall) ? answer.overall.map((n) => Number(n ?? 0)) : []
  return {
    overall,
    stages: rows('stages').map(entry),
    tracks: rows('tracks').map((row) => [...entry(Array.isArray(row[0]) ? row[0] : []), row[1] === true]),
    groups: rows('groups').map(entry),
    chosen: Array.isArray(answer.chosen) ? answer.chosen.map(String) : [],
    dueSoon: rows('dueSoon').map(deadline),
    overdueGoals: rows('overdueGoals').map(deadline),
    dueSoonMilestones: rows('dueSoonMilestones').map((r) => [Number(r[0]), Number(r[1]), Number(r[2])]),
    overdueMilestones: rows('overdueMilestones').map((r) => [Number(r[0]), Number(r[1]), Number(r[2])]),
    nextUp: rows('nextUp').map((r) => [String(r[0]), String(r[1])]),
  }
}

export const roundProgress = (p: number): number => Math.round(p * 10_000) / 10_000

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

interface PageRow {
  id: number
  skills: string
  total: number
}

const toPage = (rows: PageRow[]): ActivityPageProjection => ({
  total: rows[0]?.total ?? -1,
  ids: rows.map((r) => r.id),
  skills: rows.map((r) => {
    const skills: unknown = JSON.parse(r.skills)
    return Array.isArray(skills) ? skills.map(String) : []
  }),
})

/**
 * Every column of the page's rows, their skills with titles, and the filter's total. The
 * filter is the benchmark's: kinds = pull-request, newest first; `after` is a keyset cursor.
 * `jump` is the unfiltered log from a row number.
 */
export function kindPageBaseline(db: Db) {
  const columns = /* sql */ `a.*,
    (SELECT json_group_array(item_id) FROM (SELECT s.item_id, c.title FROM activity_skill s LEFT JOIN roadmap_node c ON c.id = s.item_id
      WHERE s.activity_id = a.id ORDER BY c.title, s.item_id)) AS skills,
    (SELECT count(*) FROM activity t WHERE t.deleted_at IS NULL AND t.kind = @kind) AS total`
  const first = db.prepare<{ kind: string; limit: number }, PageRow>(`
    SELECT ${columns} FROM activity a WHERE a.deleted_at IS NULL AND a.kind = @kind ORDER BY a.date DESC, a.id DESC LIMIT @limit`)
  const later = db.prepare<{ kind: string; limit: number; date: string; id: number }, PageRow>(`
    SELECT ${columns} FROM activity a WHERE a.deleted_at IS NULL AND a.kind = @kind AND (a.date, a.id) < (@date, @id)
    ORDER BY a.date DESC, a.id DESC LIMIT @limit`)
  // The whole log, newest first, from a row number: what dragging the scrollbar asks for.
  const jump = db.prepare<{ limit: number; offset: number }, PageRow>(/* sql */ `
    SELECT a.*,
      (SELECT json_group_array(item_id) FROM (SELECT s.item_id, c.title FROM activity_skill s LEFT JOIN roadmap_node c ON c.id = s.item_id
        WHERE s.activity_id = a.id ORDER BY c.title, s.item_id)) AS skills,
      (SELECT count(*) FROM activity t WHERE t.deleted_at IS NULL) AS total
    FROM activity a WHERE a.deleted_at IS NULL ORDER BY a.date DESC, a.id DESC LIMIT @limit OFFSET @offset`)
  return {
    jump: (limit: number, offset: number): ActivityPageProjection => toPage(jump.all({ limit, offset })),
    first: (kind: string, limit: number): ActivityPageProjection => toPage(first.all({ kind, limit })),
    after: (kind: string, limit: number, date: string, id: number): ActivityPageProjection => toPage(later.all({ kind, limit, date, id })),
  }
}

/** A full-text search, newest first, with its number of matches. */
export function searchPageBaseline(db: Db) {
  // The FTS rowid carries the activity id in its low 32 bits (and, since migration 005, the
  // day above them, so rowid order is date order); both layouts answer to this statement.
  const stmt = db.prepare<{ match: string; limit: number }, PageRow>(/* sql */ `
    SELECT a.*,
      (SELECT json_group_array(item_id) FROM (SELECT s.item_id, c.title FROM activity_skill s LEFT JOIN roadmap_node c ON c.id = s.item_id
        WHERE s.activity_id = a.id ORDER BY c.title, s.item_id)) AS skills,
      (SELECT count(*) FROM activity_fts WHERE activity_fts MATCH @match) AS total
    FROM activity_fts f CROSS JOIN activity a ON a.id = (f.rowid & 4294967295)
    WHERE f.activity_fts MATCH @match AND a.deleted_at IS NULL
    ORDER BY a.date DESC, a.id DESC LIMIT @limit`)
  return (match: string, limit: number): ActivityPageProjection => toPage(stmt.all({ match, limit }))
}

export interface StatsWindow {
  path: string
  today: string
  /** First day of the heatmap (a year back, plus one day). */
  from: string
  /** First day of the oldest of the twelve months. */
  monthsFrom: string
  /** 1 January of today's year. */
  yearFrom: string
}

/** The activity dashboard: heatmap, months, streaks, top repositories, strategy counts. */
export function statsBaseline(db: Db) {
  const stmt = db.prepare<StatsWindow, { answer: string }>(/* sql */ `
    WITH RECURSIVE
      cal(d) AS (SELECT @from UNION ALL SELECT date(d, '+1 day') FROM cal WHERE d < @today),
      per_day AS (
        SELECT date, count(*) AS n FROM activity WHERE deleted_at IS NULL AND date BETWEEN @from AND @today GROUP BY date
      ),
      heat AS (SELECT cal.d AS date, coalesce(per_day.n, 0) AS n FROM cal LEFT JOIN per_day ON per_day.date = cal.d),
      active AS (SELECT DISTINCT date FROM activity WHERE deleted_at IS NULL AND date <= @today),
      day_runs AS (
        SELECT min(date) AS first, max(date) AS last, count(*) AS len
        FROM (SELECT date, julianday(date) - row_number() OVER (ORDER BY date) AS run FROM active) GROUP BY run
      ),
      weeks AS (
        SELECT date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) + 6) % 7) || ' days') AS wk, min(date) AS first, max(date) AS last
        FROM active GROUP BY wk
      ),
      week_runs AS (
        SELECT min(first) AS first, max(last) AS last, count(*) AS len, max(wk) AS last_wk
        FROM (SELECT wk, first, last, julianday(wk) / 7 - row_number() OVER (ORDER BY wk) AS run FROM weeks) GROUP BY run
      ),
      year_kind AS (
        SELECT kind, count(*) AS n, sum(state = 'merged') AS merged FROM activity
        WHERE deleted_at IS NULL AND date BETWEEN @yearFrom AND @today GROUP BY kind
      ),
      strat AS (
        SELECT s.id, s.activity_kinds, g.position AS gp, s.custom, s.position
        FROM roadmap_node s LEFT JOIN roadmap_node g ON g.id = s.parent_id LEFT JOIN item_state st ON st.item_id = s.id
        WHERE s.path_id = @path AND s.kind = 'strategy' AND s.retired = 0 AND coalesce(st.hidden, 0) = 0
      )
    SELECT json_object(
      'days', json((SELECT json_group_array(json_array(date, n)) FROM heat)),
      'max', (SELECT max(n) FROM heat),
      'total', (SELECT sum(n) FROM heat),
      'months', json((SELECT json_group_array(json_array(month, n)) FROM (
        SELECT substr(date, 1, 7) AS month, sum(n) AS n FROM heat WHERE date >= @monthsFrom GROUP BY 1 ORDER BY 1))),
      -- json(): a subquery's value has lost its JSON subtype (SQLite 3.5x) and would be quoted.
      'currentDays', json((SELECT json_array(len, first, last) FROM day_runs WHERE julianday(@today) - julianday(last) <= 1 ORDER BY last DESC LIMIT 1)),
      'longestDays', json((SELECT json_array(len, first, last) FROM day_runs ORDER BY len DESC, first LIMIT 1)),
      'currentWeeks', json((SELECT json_array(len, first, last) FROM week_runs
        WHERE last_wk = (SELECT max(wk) FROM weeks)
          AND julianday(date(@today, '-' || ((CAST(strftime('%w', @today) AS INTEGER) + 6) % 7) || ' days')) - julianday(last_wk) <= 7)),
      'longestWeeks', json((SELECT json_array(len, first, last) FROM week_runs ORDER BY len DESC, first LIMIT 1)),
      'top', json((SELECT json_group_array(json_array(repo, n, last)) FROM (
        SELECT repo, count(*) AS n, max(date) AS last FROM activity
        WHERE deleted_at IS NULL AND repo IS NOT NULL AND date BETWEEN @from AND @today
        GROUP BY repo ORDER BY n DESC, repo LIMIT 10))),
      'strategies', json((SELECT json_group_array(json_array(id, total, merged, repos)) FROM (
        SELECT s.id,
          (SELECT coalesce(sum(yk.n), 0) FROM json_each(s.activity_kinds) k JOIN year_kind yk ON yk.kind = k.value) AS total,
          CASE WHEN EXISTS (SELECT 1 FROM json_each(s.activity_kinds) WHERE value = 'pull-request')
               THEN coalesce((SELECT merged FROM year_kind WHERE kind = 'pull-request'), 0) ELSE 0 END AS merged,
          (SELECT count(DISTINCT a.repo) FROM activity a WHERE a.deleted_at IS NULL AND a.repo IS NOT NULL
             AND a.kind IN (SELECT value FROM json_each(s.activity_kinds)) AND a.date BETWEEN @yearFrom AND @today) AS repos
        FROM strat s ORDER BY s.gp, s.custom, s.position)))
    ) AS answer`)
  return (window: StatsWindow): StatsProjection => {
    const value = parseJson(stmt.get(window)?.answer)
    const answer = isRecord(value) ? value : {}
    const rows = (key: string): unknown[][] => (Array.isArray(answer[key]) ? answer[key].filter(Array.isArray) : [])
    const streak = (key: string): [number, string | null, string | null] => {
      const s = answer[key]
      return Array.isArray(s) ? [Number(s[0]), String(s[1]), String(s[2])] : [0, null, null]
    }
    return {
      days: rows('days').map((r) => [String(r[0]), Number(r[1])]),
      max: Number(answer.max ?? 0),
      total: Number(answer.total ?? 0),
      months: rows('months').map((r) => [String(r[0]), Number(r[1])]),
      streaks: [streak('currentDays'), streak('longestDays'), streak('currentWeeks'), streak('longestWeeks')],
      top: rows('top').map((r) => [String(r[0]), Number(r[1]), String(r[2])]),
      strategies: rows('strategies').map((r) => [String(r[0]), Number(r[1]), Number(r[2]), Number(r[3])]),
    }
  }
}
