import type { ActivityFilter } from '@shared/contract/activities'
import { toFtsQuery } from './ftsQuery'

export type SqlValue = string | number | null

export interface SqlWhere {
  /** Conditions on alias `a`, joined with AND; always excludes removed activities. */
  sql: string
  params: SqlValue[]
}

/**
 * The WHERE clause for a filter. Each condition is written so an index can serve it
 * (see migration 003); kinds are expanded to placeholders rather than json_each so the
 * planner sees a plain IN list.
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
  const match = filter.search === undefined ? null : toFtsQuery(filter.search)
  if (match !== null) {
    parts.push('a.id IN (SELECT rowid FROM activity_fts WHERE activity_fts MATCH ?)')
    params.push(match)
  }
  return { sql: parts.join(' AND '), params }
}
