import type { Db } from '../store/database'
import { createRowStore } from './rowStore'
import { syncTableNamed, type SyncTable } from './syncTables'

/** A conflict notice as sync_notice holds it. */
export interface ConflictNotice {
  tbl: string
  row_key: string
  field: string
  other: string | null
}

/** The local row a conflict notice is about, as an UPDATE's WHERE clause and its parameters. */
export interface NoticeRow {
  table: SyncTable
  where: string
  params: (string | number)[]
}

export const readConflict = (db: Db, noticeId: number): ConflictNotice | undefined =>
  db.prepare<[number], ConflictNotice>("SELECT tbl, row_key, field, other FROM sync_notice WHERE id = ? AND kind = 'conflict'").get(noticeId)

/**
 * The row a conflict is about, on this machine: 'unsettleable' when its table or field is not
 * one a person edits (a key column, a table sync no longer has, a key that does not read),
 * 'gone' when the row (or a row its key points at) is not here.
 */
export function noticeRow(db: Db, notice: ConflictNotice): NoticeRow | 'unsettleable' | 'gone' {
  const table = syncTableNamed.get(notice.tbl)
  if (!table || !table.columns.includes(notice.field) || table.pk.includes(notice.field)) return 'unsettleable'
  const rows = createRowStore(() => db)
  if (table.identity !== 'natural') {
    const local = rows.localOf(table.name, notice.row_key)
    return local === undefined ? 'gone' : { table, where: 'id = ?', params: [Number(local)] }
  }
  let parts: unknown
  try {
    parts = JSON.parse(notice.row_key)
  } catch {
    return 'unsettleable'
  }
  if (!Array.isArray(parts) || parts.length !== table.pk.length) return 'unsettleable'
  const params: (string | number)[] = []
  for (const [i, column] of table.pk.entries()) {
    const part: unknown = parts[i]
    if (typeof part !== 'string' && typeof part !== 'number') return 'unsettleable'
    const refTable = table.refs[column]
    const local = refTable ? rows.localOf(refTable, String(part)) : part
    if (local === undefined) return 'gone'
    params.push(refTable ? Number(local) : local)
  }
  return { table, where: table.pk.map((c) => `${c} = ?`).join(' AND '), params }
}
