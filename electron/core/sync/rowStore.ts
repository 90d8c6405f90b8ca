import { randomUUID } from 'node:crypto'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../store/database'
import { activityDocId, planDocId, syncTableNamed, type SyncTable } from './syncTables'

/** A value as both SQLite and the documents hold it. */
export type Cell = string | number | null
export type Row = Record<string, Cell>

const isCell = (value: unknown): value is Cell => value === null || typeof value === 'string' || typeof value === 'number'

/** The SQLite side of the projection: rows by local id, and local ids to shared keys. */
export function createRowStore(db: () => Db) {
  // One statement per text, for the connection it was made on (a restore replaces the connection).
  let cachedFor: Db | null = null
  const cache = new Map<string, Statement<unknown[]>>()
  const prepare = (sql: string): Statement<unknown[]> => {
    const d = db()
    if (cachedFor !== d) {
      cache.clear()
      cachedFor = d
    }
    let statement = cache.get(sql)
    if (!statement) {
      statement = d.prepare<unknown[]>(sql)
      cache.set(sql, statement)
    }
    return statement
  }

  const pkWhere = (table: SyncTable): string => table.pk.map((c) => `${c} = ?`).join(' AND ')
  const localPk = (table: SyncTable, localId: string): Cell[] => {
    if (table.identity !== 'natural') return [Number(localId)]
    const parsed: unknown = JSON.parse(localId)
    return Array.isArray(parsed) ? parsed.filter(isCell) : []
  }

  const readLocal = (table: SyncTable, localId: string): Row | undefined => {
    const raw: unknown = prepare(`SELECT * FROM ${table.name} WHERE ${pkWhere(table)}`).get(...localPk(table, localId))
    if (typeof raw !== 'object' || raw === null) return undefined
    return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, Cell] => isCell(entry[1])))
  }

  const keyOf = (tbl: string, localId: string): { key: string; docId: string } | undefined => {
    const found: unknown = prepare('SELECT key, doc_id AS docId FROM sync_key WHERE tbl = ? AND local_id = ?').get(tbl, localId)
    return typeof found === 'object' && found !== null && 'key' in found && 'docId' in found && typeof found.key === 'string' && typeof found.docId === 'string'
      ? { key: found.key, docId: found.docId }
      : undefined
  }

  const localOf = (tbl: string, key: string): string | undefined => {
    const found: unknown = prepare('SELECT local_id FROM sync_key WHERE tbl = ? AND key = ?').pluck().get(tbl, key)
    return typeof found === 'string' ? found : undefined
  }

  const remember = (tbl: string, localId: string, key: string, docId: string): void => {
    prepare('INSERT INTO sync_key (tbl, local_id, key, doc_id) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, local_id) DO UPDATE SET key = excluded.key, doc_id = excluded.doc_id').run(tbl, localId, key, docId)
  }

  /** The key of a minted or external row, minted on first sight. Undefined when the row is gone. */
  const ensureKey = (tbl: string, localId: string): { key: string; docId: string } | undefined => {
    const known = keyOf(tbl, localId)
    if (known) return known
    const table = syncTableNamed.get(tbl)
    const row = table ? readLocal(table, localId) : undefined
    if (!table || !row) return undefined
    const docId = table.doc === 'plan' ? planDocId : activityDocId(String(row.date))
    const external = table.identity === 'external' && typeof row.external_key === 'string' ? `x:${row.external_key}` : null
    // An imported row another local row already claimed (its key was kept) gets its own key.
    const key = external !== null && localOf(tbl, external) === undefined ? external : randomUUID()
    remember(tbl, localId, key, docId)
    return { key, docId }
  }

  /** Where a live local row lives in the documents; undefined when a parent is gone. */
  function identify(table: SyncTable, row: Row): { key: string; docId: string } | undefined {
    if (table.identity !== 'natural') return ensureKey(table.name, String(row.id))
    const parts: Cell[] = []
    let docId = planDocId
    for (const column of table.pk) {
      const ref = table.refs[column]
      const value = row[column] ?? null
      if (!ref) {
        parts.push(value)
        continue
      }
      const parent = ensureKey(ref, String(value))
      if (!parent) return undefined
      parts.push(parent.key)
      if (table.doc === 'activity') docId = parent.docId
    }
    return { key: JSON.stringify(parts), docId }
  }

  /** The row as the documents hold it: references as keys. */
  function encode(table: SyncTable, row: Row): Row {
    const out: Row = {}
    for (const column of table.columns) {
      const value = row[column] ?? null
      const ref = table.refs[column]
      out[column] = ref && value !== null ? (ensureKey(ref, String(value))?.key ?? null) : value
    }
    return out
  }

  return { readLocal, keyOf, localOf, remember, ensureKey, identify, encode, localPk, prepare }
}

export type RowStore = ReturnType<typeof createRowStore>
