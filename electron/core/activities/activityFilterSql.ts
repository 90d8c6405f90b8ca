import type { ActivityFilter } from '@shared/contract/activities'
import { toFtsQuery } from './ftsQuery'

export type SqlValue = string | number | null

export interface SqlWhere {
  /** Conditions on alias `a`, joined with AND; always excludes removed activities. */
  sql: string
  params: SqlValue[]
}

/** activity_fts rowids are (days since 1970) * 2^32 + id: see migration 005. */
export const ftsIdOf = (alias: string): string => `(${alias}.rowid & 4294967295)`
export const ftsKeySql = '((unixepoch(?) / 86400) * 4294967296 + ?)'

/** The FTS5 query for the filter's search text, or null when there is nothing to search for. */
export const searchOf = (filter: ActivityFilter): string | null => (filter.search === undefined ? null : toFtsQuery(filter.search))

/**
 * The WHERE clause of a filter on alias `a`, without the search (see searchOf: a search
 * drives the query from activity_fts instead). Each condition is one an index of migration
 * 003 can serve; kinds are expanded to placeholders so the planner sees a plain IN list.
 */
export function filterWhere(filter: ActivityFilter): SqlWhere {
  const parts = ['a.deleted_at IS NULL']
  const params: SqlValue[] = []
  if (filter.kinds && filter.kinds.length > 0) {
    const kinds = [...new Set(filter.kinds)]
    parts.push(`a.kind IN (${kinds.map(() => '?').join(', ')})`)
    params.push(...kinds)
  }
  if (filter.repo !== undefined && filter.repo !== '') {
    parts.push('a.repo = ?')
    params.push(filter.repo)
  }
  if (filter.skillId !== undefined) {
    parts.push('a.id IN (SELECT activity_id FROM activity_skill WHERE item_id = ?)')
    params.push(filter.skillId)
  }
  if (filter.goalId !== undefined) {
    parts.push('a.goal_id = ?')
    params.push(filter.goalId)
  }
  if (filter.from !== undefined) {
    parts.push('a.date >= ?')
    params.push(filter.from)
  }
  if (filter.to !== undefined) {
    parts.push('a.date <= ?')
    params.push(filter.to)
  }
  if (filter.state === 'none') parts.push('a.state IS NULL')
  else if (filter.state !== undefined) {
    parts.push('a.state = ?')
    params.push(filter.state)
  }
  return { sql: parts.join(' AND '), params }
}

/**
 * The same filter on activity_day, when it has only what that table knows (kinds, state,
 * dates): its total is then a sum over a few thousand rows. Null otherwise.
 */
export function dayCountWhere(filter: ActivityFilter): SqlWhere | null {
  if ((filter.repo !== undefined && filter.repo !== '') || filter.skillId !== undefined || filter.goalId !== undefined || searchOf(filter) !== null) {
    return null
  }
  const parts = ['1']
  const params: SqlValue[] = []
  if (filter.kinds && filter.kinds.length > 0) {
    const kinds = [...new Set(filter.kinds)]
    parts.push(`d.kind IN (${kinds.map(() => '?').join(', ')})`)
    params.push(...kinds)
  }
  if (filter.from !== undefined) {
    parts.push('d.date >= ?')
    params.push(filter.from)
  }
  if (filter.to !== undefined) {
    parts.push('d.date <= ?')
    params.push(filter.to)
  }
  if (filter.state !== undefined) {
    parts.push('d.state = ?')
    params.push(filter.state === 'none' ? '' : filter.state)
  }
  return { sql: parts.join(' AND '), params }
}
