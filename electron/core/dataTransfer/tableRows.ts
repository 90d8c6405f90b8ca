import type { ExportCell, ExportRow } from '@shared/domain/dataTransfer'
import type { Db } from '../store/database'

/** Identifiers come from our own schema, never from a file; quoting keeps odd names inert. */
export const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`

interface ColumnInfo {
  name: string
  /** Declared type, upper case: TEXT, INTEGER, REAL, ANY... */
  type: string
  pk: number
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export function tableColumns(db: Db, table: string): ColumnInfo[] {
  return db
    .prepare(`SELECT name, upper(type) AS type, pk FROM pragma_table_info(?) ORDER BY cid`)
    .all(table)
    .flatMap((row) =>
      isRecord(row) && typeof row.name === 'string' && typeof row.type === 'string' && typeof row.pk === 'number' ? [{ name: row.name, type: row.type, pk: row.pk }] : [],
    )
}

export const tableExists = (db: Db, table: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined

function toCell(table: string, column: string, value: unknown): ExportCell {
  if (value === null || typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw new Error(`Column ${table}.${column} holds a value JSON cannot carry (${typeof value}).`)
}

/**
 * Every row of a table as plain JSON values, in primary-key order (rowid when there is
 * none), so two exports of the same data are the same text.
 */
export function readRows(db: Db, table: string): ExportRow[] {
  const columns = tableColumns(db, table)
  const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
  const order = keys.length > 0 ? keys.map((c) => quoteId(c.name)).join(', ') : 'rowid'
  return db
    .prepare(`SELECT * FROM ${quoteId(table)} ORDER BY ${order}`)
    .all()
    .map((row) => {
      if (!isRecord(row)) throw new Error(`A row of ${table} is not a record.`)
      return Object.fromEntries(columns.map((c) => [c.name, toCell(table, c.name, row[c.name])]))
    })
}

/** sqlite_sequence rows for the given tables: AUTOINCREMENT's promise never to reuse an id. */
export function readSequences(db: Db, tables: readonly string[]): ExportRow[] {
  if (!tableExists(db, 'sqlite_sequence')) return []
  return db
    .prepare(`SELECT name, seq FROM sqlite_sequence WHERE name IN (SELECT value FROM json_each(?)) ORDER BY name`)
    .all(JSON.stringify(tables))
    .flatMap((row) => (isRecord(row) && typeof row.name === 'string' && typeof row.seq === 'number' ? [{ name: row.name, seq: row.seq }] : []))
}
