import { z } from 'zod'
import type { Db } from '../store/database'
import type { DocHandle } from './docHandles'
import { fieldKey, revToken } from './fieldKeys'
import type { Notices } from './notices'
import type { Cell, Row, RowStore } from './rowStore'
import type { SyncTable } from './syncTables'
import { refusalInWords } from '../store/refusalInWords'

/** A row some patch touched, gathered from a document's diff. */
export interface RemoteRow {
  tbl: string
  rowKey: string
  docId: string
  /** Fields the new changes wrote. */
  patched: Set<string>
  /** A row of a document new to this device: every field it holds is new here (patched stays empty). */
  everyField: boolean
  /** Fields a new change overwrote an earlier value of (only these can hold two values for a random key). */
  contested: Set<string>
}

// A row keyed at random is made by one device; its fields meet another value only when overwritten.
const randomKey = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

// What a document may hold in a field; the tables' own CHECKs hold each row to the forms' rules.
const cell = z.union([z.string().max(200_000), z.number().finite(), z.null()])
const jsonColumns = new Set(['value', 'activity_kinds', 'kinds'])

const jsonText = (value: Cell): boolean => {
  if (typeof value !== 'string') return value === null
  try {
    JSON.parse(value)
    return true
  } catch {
    return false
  }
}

const distinct = (values: Cell[]): Cell[] => [...new Set(values)]

interface Apply {
  db: Db
  table: SyncTable
  entry: RemoteRow
  handle: DocHandle
  rows: RowStore
  notices: Notices
  isCell: (value: unknown) => value is Cell
}

/**
 * One remote row into SQLite, in its own savepoint: a row SQLite refuses is set aside with a
 * notice and the rest still apply. Returns true when it wrote a resolution into the document
 * (a deletion undone because the other machine edited the row).
 */
export function applyRemoteRow({ db, table, entry, handle, rows, notices, isCell }: Apply): boolean {
  const at = (field: string): string => fieldKey(table.name, entry.rowKey, field)
  const note = (message: string): void => notices.put('unapplied', table.name, entry.rowKey, entry.docId, '', null, message)
  let resolved = false
  const mayConflict = (field: string): boolean => (entry.everyField || entry.patched.has(field)) && (entry.contested.has(field) || !randomKey.test(entry.rowKey))

  // Deleted on one machine, edited on the other while apart: the edit wins, and it is said.
  if (mayConflict('_rev')) {
    const revs = handle.getAll('_root', at('_rev')).map((v) => v[1])
    const deleted = revs.some((r) => typeof r === 'string' && r.startsWith('d:'))
    const edited = revs.some((r) => typeof r === 'string' && r.startsWith('e:'))
    if (deleted && edited) {
      handle.put('_root', at('_del'), false)
      handle.put('_root', at('_rev'), revToken('e'))
      notices.put('restored', table.name, entry.rowKey, entry.docId, '', null, null)
      resolved = true
    }
  }

  if (handle.get('_root', at('_del')) === true) {
    removeLocal(table, entry.rowKey, rows)
    notices.clear('conflict', table.name, entry.rowKey)
    notices.clear('unapplied', table.name, entry.rowKey)
    return resolved
  }

  const values: Row = {}
  let present = false
  for (const column of table.columns) {
    const raw = handle.get('_root', at(column))
    if (raw === undefined) {
      values[column] = null
      continue
    }
    const parsed = cell.safeParse(raw)
    if (!parsed.success || !isCell(parsed.data)) {
      note(`its ${column} is not a value Pathfinder stores`)
      return resolved
    }
    if (jsonColumns.has(column) && !jsonText(parsed.data)) {
      note(`its ${column} is not valid JSON`)
      return resolved
    }
    values[column] = parsed.data
    present = true
  }
  if (!present || (table.include && !table.include(values))) return resolved

  const hasNotices = notices.any(table.name, entry.rowKey)
  for (const column of table.columns) {
    if (table.quiet.includes(column)) continue
    if (!mayConflict(column)) continue
    const all = distinct(handle.getAll('_root', at(column)).map((v) => v[1]).filter(isCell))
    const other = all.find((v) => v !== values[column])
    if (other !== undefined) notices.put('conflict', table.name, entry.rowKey, entry.docId, column, values[column] ?? null, other)
    else if (hasNotices) notices.clear('conflict', table.name, entry.rowKey, column)
  }

  for (const [column, refTable] of Object.entries(table.refs)) {
    const key = values[column]
    if (key === null || key === undefined) continue
    const local = rows.localOf(refTable, String(key))
    if (local === undefined) {
      note(`waiting for its ${refTable.replace('_', ' ')}`)
      return resolved
    }
    values[column] = Number(local)
  }

  try {
    db.transaction(() => upsert(db, table, entry, values, rows))()
    if (hasNotices) notices.clear('unapplied', table.name, entry.rowKey)
  } catch (error) {
    note(refusalInWords(error))
  }
  return resolved
}

function upsert(db: Db, table: SyncTable, entry: RemoteRow, values: Row, rows: RowStore): void {
  const columns = table.columns
  const cells = columns.map((c) => values[c] ?? null)
  if (table.identity === 'natural') {
    const rest = columns.filter((c) => !table.pk.includes(c))
    const onConflict = rest.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}`
    rows.prepare(`INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (${table.pk.join(', ')}) ${onConflict}`).run(...cells)
    return
  }
  const update = (id: string | number): boolean =>
    rows.prepare(`UPDATE ${table.name} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cells, id).changes > 0
  const local = rows.localOf(table.name, entry.rowKey)
  if (local !== undefined && update(local)) return
  // The same import on this machine already made the row: it becomes the shared one.
  const found: unknown = table.identity === 'external' && typeof values.external_key === 'string'
    ? rows.prepare(`SELECT id FROM ${table.name} WHERE external_key = ?`).pluck().get(values.external_key)
    : undefined
  const external = typeof found === 'number' ? found : undefined
  if (external !== undefined) {
    update(external)
    rows.remember(table.name, String(external), entry.rowKey, entry.docId)
    return
  }
  const id = rows.prepare(`INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...cells).lastInsertRowid
  rows.remember(table.name, String(id), entry.rowKey, entry.docId)
}

function removeLocal(table: SyncTable, rowKey: string, rows: RowStore): void {
  if (table.identity !== 'natural') {
    const local = rows.localOf(table.name, rowKey)
    if (local !== undefined) rows.prepare(`DELETE FROM ${table.name} WHERE id = ?`).run(Number(local))
    return
  }
  let parts: unknown
  try {
    parts = JSON.parse(rowKey)
  } catch {
    return
  }
  if (!Array.isArray(parts) || parts.length !== table.pk.length) return
  const pk: Cell[] = []
  for (const [i, column] of table.pk.entries()) {
    const part: unknown = parts[i]
    if (part !== null && typeof part !== 'string' && typeof part !== 'number') return
    const ref = table.refs[column]
    if (!ref) {
      pk.push(part)
      continue
    }
    const local = rows.localOf(ref, String(part))
    if (local === undefined) return
    pk.push(Number(local))
  }
  rows.prepare(`DELETE FROM ${table.name} WHERE ${table.pk.map((c) => `${c} = ?`).join(' AND ')}`).run(...pk)
}
