import type { Statement } from 'better-sqlite3'
import type { ActivityFilter, ActivityListInput } from '@shared/contract/activities'
import type { Activity, ActivityPage } from '@shared/domain/activities'
import type { Db } from '../store/database'
import { dayCountWhere, filterWhere, ftsIdOf, searchOf, type SqlValue, type SqlWhere } from './activityFilterSql'
import type { ActivityRow } from './activityRow'
import { afterCursor, decodeCursor, encodeCursor, ftsAfterCursor, ftsOrderBy, orderBy, sortKeyOf, type Keyset } from './pageCursor'

/**
 * A search combined with other filters is counted exactly up to this many text matches;
 * beyond, its total is estimated from the newest this-many matches (totalExact: false).
 * Every match costs a row lookup, and a page should not wait on 80,000 of them.
 */
export const searchSample = 5_000

/** Other filters leaving at most this many rows drive a search from those rows. */
const smallSet = 2_000

/** Prepared statements for SQL that varies with the filter, kept by their text. */
function statementCache<Row>(db: Db) {
  const cache = new Map<string, Statement<SqlValue[], Row>>()
  return (sql: string): Statement<SqlValue[], Row> => {
    let stmt = cache.get(sql)
    if (!stmt) {
      if (cache.size > 200) cache.clear()
      stmt = db.prepare<SqlValue[], Row>(sql)
      cache.set(sql, stmt)
    }
    return stmt
  }
}

/** Does the filter narrow rows beyond the search text and dates (which FTS5 answers alone)? */
const narrowsRows = (f: ActivityFilter): boolean =>
  (f.kinds?.length ?? 0) > 0 || !!f.repo || f.skillId !== undefined || f.goalId !== undefined || f.state !== undefined

/**
 * The search conditions on activity_fts `f`: the text, and the date range as a rowid range
 * (rowids sort by date, migration 005), so a dated search never walks matches outside it.
 */
function ftsWhere(filter: ActivityFilter, match: string): SqlWhere {
  const parts = ['f.activity_fts MATCH ?']
  const params: SqlValue[] = [match]
  if (filter.from !== undefined) {
    parts.push('f.rowid >= (unixepoch(?) / 86400) * 4294967296')
    params.push(filter.from)
  }
  if (filter.to !== undefined) {
    parts.push("f.rowid < (unixepoch(?, '+1 day') / 86400) * 4294967296")
    params.push(filter.to)
  }
  return { sql: parts.join(' AND '), params }
}

/**
 * Where a page starts in a list sorted in SQL: just after the cursor's row, or, if that row
 * is gone since, at the first row past its key (titles compared as NOCASE does, ASCII only).
 */
function startAfter(rows: readonly { id: number; date: string; title: string }[], keyset: Keyset): number {
  const at = rows.findIndex((r) => r.id === keyset.id)
  if (at >= 0) return at + 1
  const fold = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase())
  const after = (r: { id: number; date: string; title: string }): boolean => {
    if (keyset.sort === 'title') {
      const [a, b] = [fold(r.title), fold(keyset.key)]
      return a > b || (a === b && r.id > keyset.id)
    }
    if (keyset.sort === 'date-asc') return r.date > keyset.key || (r.date === keyset.key && r.id > keyset.id)
    return r.date < keyset.key || (r.date === keyset.key && r.id < keyset.id)
  }
  const next = rows.findIndex(after)
  return next < 0 ? rows.length : next
}

export interface Total {
  total: number
  exact: boolean
}

/** Listing and counting activities: the queries behind the list, its export and goal counts. */
export function createActivityListing(db: Db, withSkills: (rows: ActivityRow[]) => Activity[]) {
  const rowsQuery = statementCache<ActivityRow>(db)
  const countQuery = statementCache<{ n: number }>(db)
  const keysQuery = statementCache<{ id: number; date: string; title: string }>(db)
  const count = (sql: string, params: SqlValue[]): number => countQuery(sql).get(...params)?.n ?? 0

  /**
   * How many live activities match: from activity_day when it can answer (kinds, state,
   * dates), inside FTS5 for a search with at most dates, else by counting rows.
   */
  function total(filter: ActivityFilter, options: { exact: boolean; matches?: number }): Total {
    const day = dayCountWhere(filter)
    if (day) return { total: count(`SELECT coalesce(sum(d.n), 0) AS n FROM activity_day d WHERE ${day.sql}`, day.params), exact: true }
    const where = filterWhere(filter)
    const match = searchOf(filter)
    if (match === null) return { total: count(`SELECT count(*) AS n FROM activity a WHERE ${where.sql}`, where.params), exact: true }
    const fts = ftsWhere(filter, match)
    const matches = options.matches ?? count(`SELECT count(*) AS n FROM activity_fts f WHERE ${fts.sql}`, fts.params)
    if (!narrowsRows(filter)) return { total: matches, exact: true }
    if (options.exact || matches <= searchSample) {
      const sql = `SELECT count(*) AS n FROM activity_fts f CROSS JOIN activity a ON a.id = ${ftsIdOf('f')} WHERE ${fts.sql} AND ${where.sql}`
      return { total: count(sql, [...fts.params, ...where.params]), exact: true }
    }
    const sample = `SELECT count(*) AS n FROM (SELECT f.rowid AS rowid FROM activity_fts f WHERE ${fts.sql} ORDER BY f.rowid DESC LIMIT ${searchSample}) f
      CROSS JOIN activity a ON a.id = ${ftsIdOf('f')} WHERE ${where.sql}`
    const passed = count(sample, [...fts.params, ...where.params])
    return { total: Math.round((passed * matches) / searchSample), exact: false }
  }

  const finish = (input: ActivityListInput, rows: ActivityRow[], counted: Total): ActivityPage => {
    const last = rows.at(-1)
    const more = rows.length === input.limit && last !== undefined
    return {
      rows: withSkills(rows),
      total: counted.total,
      totalExact: counted.exact,
      nextCursor: more ? encodeCursor({ sort: input.sort, key: sortKeyOf(input.sort, last), id: last.id }) : null,
    }
  }

  /**
   * A search. Which side drives depends on sizes measured first (each a bounded count):
   * - other filters leaving few rows (a repository, a skill): those rows, each checked against
   *   the search's matches gathered once; page and total come out of one small list;
   * - sorted by title with many matches: the title index, stopping after a page;
   * - otherwise activity_fts in rowid order (date, then id), stopping after a page.
   */
  function searchPage(input: ActivityListInput, match: string, keyset: Keyset | null, withTotal: boolean): ActivityPage {
    const where = filterWhere(input)
    const fts = ftsWhere(input, match)
    const matches = count(`SELECT count(*) AS n FROM activity_fts f WHERE ${fts.sql}`, fts.params)
    const inMatches = `+a.id IN (SELECT ${ftsIdOf('f')} FROM activity_fts f WHERE ${fts.sql})`
    if (narrowsRows(input)) {
      const few = count(`SELECT count(*) AS n FROM (SELECT 1 FROM activity a WHERE ${where.sql} LIMIT ${smallSet + 1})`, where.params)
      if (few <= smallSet && few < matches) {
        const ordered = keysQuery(`SELECT a.id, a.date, a.title FROM activity a WHERE ${where.sql} AND ${inMatches} ORDER BY ${orderBy[input.sort]}`).all(
          ...where.params,
          ...fts.params,
        )
        const ids = ordered.map((r) => r.id)
        const start = keyset ? startAfter(ordered, keyset) : (input.offset ?? 0)
        const pageIds = ids.slice(start, start + input.limit)
        const byId = new Map(rowsQuery('SELECT * FROM activity WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(pageIds)).map((r) => [r.id, r]))
        const rows = pageIds.flatMap((id) => byId.get(id) ?? [])
        return finish(input, rows, { total: ids.length, exact: true })
      }
    }
    const params: SqlValue[] = []
    let sql: string
    if (input.sort === 'title' && matches > smallSet) {
      // INDEXED BY: walking titles in order and stopping after a page beats sorting every match.
      sql = `SELECT a.* FROM activity a INDEXED BY activity_title WHERE ${where.sql} AND ${inMatches}`
      params.push(...where.params, ...fts.params)
      if (keyset) sql += ` AND ${afterCursor.title}`
      sql += ` ORDER BY ${orderBy.title}`
    } else {
      sql = `SELECT a.* FROM activity_fts f CROSS JOIN activity a ON a.id = ${ftsIdOf('f')} WHERE ${fts.sql} AND ${where.sql}`
      params.push(...fts.params, ...where.params)
      if (input.sort === 'title') {
        if (keyset) sql += ` AND ${afterCursor.title}`
        sql += ` ORDER BY ${orderBy.title}`
      } else {
        if (keyset) sql += ` AND ${ftsAfterCursor[input.sort]}`
        sql += ` ORDER BY ${ftsOrderBy[input.sort]}`
      }
    }
    if (keyset) params.push(keyset.key, keyset.id)
    sql += ' LIMIT ? OFFSET ?'
    params.push(input.limit, input.offset ?? 0)
    const rows = rowsQuery(sql).all(...params)
    return finish(input, rows, withTotal ? total(input, { exact: false, matches }) : { total: -1, exact: false })
  }

  function page(input: ActivityListInput, withTotal: boolean): ActivityPage {
    const keyset = input.cursor === undefined ? null : decodeCursor(input.cursor, input.sort)
    const match = searchOf(input)
    if (match !== null) return searchPage(input, match, keyset, withTotal)
    const where = filterWhere(input)
    const params: SqlValue[] = [...where.params]
    let sql = `SELECT a.* FROM activity a WHERE ${where.sql}`
    if (keyset) {
      sql += ` AND ${afterCursor[input.sort]}`
      params.push(keyset.key, keyset.id)
    }
    sql += ` ORDER BY ${orderBy[input.sort]} LIMIT ? OFFSET ?`
    params.push(input.limit, input.offset ?? 0)
    return finish(input, rowsQuery(sql).all(...params), withTotal ? total(input, { exact: false }) : { total: -1, exact: false })
  }

  return {
    page,
    /** Exact, for goal progress and the like. */
    count: (filter: ActivityFilter): number => total(filter, { exact: true }).total,
    /** Every activity matching a filter, oldest first, a page at a time (exports). */
    *each(filter: ActivityFilter, pageSize = 1000): Generator<Activity> {
      let cursor: string | undefined
      for (;;) {
        const next = page({ ...filter, sort: 'date-asc', limit: pageSize, ...(cursor ? { cursor } : {}) }, false)
        yield* next.rows
        if (next.nextCursor === null) return
        cursor = next.nextCursor
      }
    },
  }
}
