import type { Db } from '../store/database'
import type { DocHandle } from './docHandles'
import { fieldKey, revToken, writtenRows } from './fieldKeys'
import { syncTableNamed, syncTables, type SyncTable } from './syncTables'

/**
 * A row and the children its deletion takes with it (ON DELETE CASCADE: a goal's milestones,
 * links and target; an activity's skills and evidence) are one unit for "deleted on one
 * machine, edited on the other: the edit wins". Their tombstones share the parent's `d:`
 * token, so when any of them meets a concurrent edit, the whole deletion is undone: the goal
 * comes back with all its milestones, and a milestone edited on the other machine brings its
 * goal back instead of waiting for it forever.
 */

/** Columns whose parent's deletion takes the row with it, per table. */
export function cascadingRefs(db: Db): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const table of syncTables) {
    const fks = db.prepare<[string], { from: string; on_delete: string }>('SELECT "from", on_delete FROM pragma_foreign_key_list(?)').all(table.name)
    out.set(
      table.name,
      fks.filter((fk) => fk.on_delete === 'CASCADE' && table.refs[fk.from] !== undefined).map((fk) => fk.from),
    )
  }
  return out
}

/** The keys of the rows whose deletion takes this one with it, as the document holds them. */
export function cascadingParents(table: SyncTable, rowKey: string, handle: DocHandle, cascades: ReadonlyMap<string, string[]>): { tbl: string; key: string }[] {
  const out: { tbl: string; key: string }[] = []
  let parts: unknown = null
  if (table.identity === 'natural') {
    try {
      parts = JSON.parse(rowKey)
    } catch {
      return out
    }
  }
  for (const column of cascades.get(table.name) ?? []) {
    const ref = table.refs[column]
    if (ref === undefined) continue
    const index = table.pk.indexOf(column)
    const value: unknown = Array.isArray(parts) && index >= 0 ? parts[index] : handle.get('_root', fieldKey(table.name, rowKey, column))
    if (typeof value === 'string') out.push({ tbl: ref, key: value })
  }
  return out
}

const unitId = (tbl: string, key: string): string => `${tbl}\u0000${key}`

/**
 * The `d:` token each deleted row of one write is tombstoned with: a row whose cascading
 * parent goes in the same write shares the parent's token. `gone` is in outbox order; parents
 * are resolved first whatever the order the triggers fired in.
 */
export function deletionTokens(gone: { tbl: string; key: string; handle: DocHandle }[], cascades: ReadonlyMap<string, string[]>): Map<string, string> {
  const byId = new Map(gone.map((g) => [unitId(g.tbl, g.key), g]))
  const tokens = new Map<string, string>()
  const tokenOf = (id: string, depth: number): string => {
    const known = tokens.get(id)
    if (known) return known
    const row = byId.get(id)
    const table = row ? syncTableNamed.get(row.tbl) : undefined
    let token: string | undefined
    if (row && table && depth < 8) {
      for (const parent of cascadingParents(table, row.key, row.handle, cascades)) {
        const parentId = unitId(parent.tbl, parent.key)
        if (byId.has(parentId)) token = tokenOf(parentId, depth + 1)
      }
    }
    token ??= revToken('d')
    tokens.set(id, token)
    return token
  }
  for (const id of byId.keys()) tokenOf(id, 0)
  return tokens
}

export const tokenFor = (tokens: ReadonlyMap<string, string>, tbl: string, key: string): string | undefined => tokens.get(unitId(tbl, key))

export interface Revived {
  tbl: string
  rowKey: string
  docId: string
  /** Whether it was deleted (a tombstone undone) rather than a live child to apply again. */
  undeleted: boolean
  /** The row the deletion was of (not a child it took along): the one to tell the person about. */
  root: boolean
}

/**
 * Undoes one deletion: every row of the documents given whose `_rev` still holds `token`
 * and that is deleted is live again (a fresh `e:` token), and the live cascading children
 * of each such row are returned too, since the deleting machine removed them from its SQLite.
 */
export function undoDeletion(token: string, docs: readonly { docId: string; handle: DocHandle }[], cascades: ReadonlyMap<string, string[]>): Revived[] {
  interface RowAt {
    tbl: string
    rowKey: string
    docId: string
    handle: DocHandle
  }
  const all: RowAt[] = []
  for (const { docId, handle } of docs) {
    for (const { tbl, rowKey } of writtenRows(handle)) if (syncTableNamed.has(tbl)) all.push({ tbl, rowKey, docId, handle })
  }
  const out: Revived[] = []
  const undone = new Set<string>()
  for (const row of all) {
    const revs = row.handle.getAll('_root', fieldKey(row.tbl, row.rowKey, '_rev')).map((v) => v[1])
    if (!revs.includes(token) || row.handle.get('_root', fieldKey(row.tbl, row.rowKey, '_del')) !== true) continue
    row.handle.put('_root', fieldKey(row.tbl, row.rowKey, '_del'), false)
    row.handle.put('_root', fieldKey(row.tbl, row.rowKey, '_rev'), revToken('e'))
    undone.add(unitId(row.tbl, row.rowKey))
    out.push({ tbl: row.tbl, rowKey: row.rowKey, docId: row.docId, undeleted: true, root: true })
  }
  if (undone.size === 0) return out
  for (const revived of out) {
    const table = syncTableNamed.get(revived.tbl)
    const at = all.find((r) => r.tbl === revived.tbl && r.rowKey === revived.rowKey)
    if (table && at) revived.root = !cascadingParents(table, revived.rowKey, at.handle, cascades).some((p) => undone.has(unitId(p.tbl, p.key)))
  }
  for (const row of all) {
    if (undone.has(unitId(row.tbl, row.rowKey))) continue
    const table = syncTableNamed.get(row.tbl)
    if (!table || row.handle.get('_root', fieldKey(row.tbl, row.rowKey, '_del')) === true) continue
    if (cascadingParents(table, row.rowKey, row.handle, cascades).some((p) => undone.has(unitId(p.tbl, p.key)))) {
      out.push({ tbl: row.tbl, rowKey: row.rowKey, docId: row.docId, undeleted: false, root: false })
    }
  }
  return out
}
