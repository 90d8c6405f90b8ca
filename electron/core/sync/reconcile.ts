import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DomainError } from '../ipc/domainError'
import type { Db } from '../store/database'
import type { DocHandle } from './docHandles'
import { fieldKey, tombstone, writtenRows } from './fieldKeys'
import { devicesDir, type FolderTransport, type IncomingSource, type Unreadable } from './folderTransport'
import { cascadingParents, cascadingRefs, deletionTokens, tokenFor } from './deletionUnits'
import { createRowStore, type RowStore } from './rowStore'
import type { SyncEngine } from './engine'
import { planDocId, syncTableNamed, syncTables, type SyncTable } from './syncTables'

/**
 * "Make the documents say what SQLite says." Sync is otherwise a merge: whatever one machine
 * holds, the others bring back. Two moments are not a merge but a decision this store made
 * alone, and the documents must learn it as new changes that supersede what the others hold:
 *
 * - 'rejoined': sync turned on again over documents from before. Rows the documents held as
 *   of this store's own heads (so rows it knew) and that are gone from SQLite were deleted
 *   while sync was off: they are deleted in the documents. Rows the others made meanwhile are
 *   not in those heads yet, so they are never taken for this store's deletions. Runs before
 *   anything from the folder is merged.
 * - 'replaced': a restore or a whole-data import. The folder's changes are merged first
 *   (without touching SQLite), then every row the documents hold that SQLite does not is
 *   deleted. In both cases the rows SQLite holds are then written through the outbox (noted
 *   where the reconciliation was made due), so a field that differs is rewritten and a row
 *   the documents deleted is live again.
 *
 * A child whose cascading parent is deleted here is tombstoned with the parent's token, as a
 * local delete does (deletionUnits.ts), so an edit of it on another machine meanwhile undoes
 * the whole deletion; a child whose parent was already deleted is left to that deletion. Rows
 * this store never held (set aside with an "unapplied" notice) are not its deletions.
 */
export type ReconcileReason = 'rejoined' | 'replaced'

export interface ReconcileOutcome {
  /** Rows deleted in the documents. */
  deleted: number
  unreadable: Unreadable[]
}

type Presence = 'here' | 'gone' | 'parent-gone'

export const reconcileDue = (db: Db): ReconcileReason | undefined => {
  const reason = db.prepare<[], string | null>('SELECT reconcile FROM sync_state WHERE id = 1').pluck().get()
  return reason === 'rejoined' || reason === 'replaced' ? reason : undefined
}

/** Every row the document holds as not deleted, by table. Each written row has a `_rev`. */
function liveRows(handle: DocHandle): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const { tbl, rowKey } of writtenRows(handle)) {
    if (!syncTableNamed.has(tbl)) continue
    if (handle.get('_root', fieldKey(tbl, rowKey, '_del')) === true) continue
    const list = out.get(tbl) ?? []
    list.push(rowKey)
    out.set(tbl, list)
  }
  return out
}

/** When the row was made, where a table records it: an id handed out again names another row. */
const birthColumn = (table: SyncTable): string | undefined => ['created_at', 'at'].find((c) => table.columns.includes(c))

function createPresence(db: Db, rows: RowStore, cascades: ReadonlyMap<string, string[]>) {
  const unapplied = new Set(db.prepare<[], string>("SELECT tbl || char(0) || row_key FROM sync_notice WHERE kind = 'unapplied'").pluck().all())
  const forget = db.prepare('DELETE FROM sync_key WHERE tbl = ? AND key = ?')

  const parentHere = (refTable: string, key: unknown): boolean => {
    if (typeof key !== 'string') return false
    const local = rows.localOf(refTable, key)
    const table = syncTableNamed.get(refTable)
    return local !== undefined && table !== undefined && rows.readLocal(table, local) !== undefined
  }

  function minted(table: SyncTable, rowKey: string, handle: DocHandle): Presence {
    const local = rows.localOf(table.name, rowKey)
    if (local !== undefined) {
      const row = rows.readLocal(table, local)
      const born = birthColumn(table)
      const theirs = born === undefined ? undefined : handle.get('_root', fieldKey(table.name, rowKey, born))
      // The id now holds another row (deleted, then handed out again while sync was off):
      // the key's row is gone, and the new row gets a key of its own when it is written.
      if (row && (born === undefined || typeof theirs !== 'string' || row[born] === theirs)) return 'here'
      forget.run(table.name, rowKey)
    }
    // The same import made the row here: it takes this key when it is written.
    if (table.identity === 'external' && rowKey.startsWith('x:')) {
      if (db.prepare(`SELECT 1 FROM ${table.name} WHERE external_key = ?`).get(rowKey.slice(2)) !== undefined) return 'here'
    }
    for (const column of cascades.get(table.name) ?? []) {
      const ref = table.refs[column]
      const parent = handle.get('_root', fieldKey(table.name, rowKey, column))
      if (ref !== undefined && parent !== null && !parentHere(ref, parent)) return 'parent-gone'
    }
    return 'gone'
  }

  function natural(table: SyncTable, rowKey: string): Presence {
    let parts: unknown
    try {
      parts = JSON.parse(rowKey)
    } catch {
      return 'here'
    }
    // A key this version cannot read is not a row it could have deleted.
    if (!Array.isArray(parts) || parts.length !== table.pk.length) return 'here'
    const pk: (string | number | null)[] = []
    for (const [i, column] of table.pk.entries()) {
      const part: unknown = parts[i]
      if (part !== null && typeof part !== 'string' && typeof part !== 'number') return 'here'
      const ref = table.refs[column]
      if (ref === undefined) {
        pk.push(part)
        continue
      }
      if (!parentHere(ref, part)) return 'parent-gone'
      pk.push(Number(rows.localOf(ref, String(part))))
    }
    const found = rows.prepare(`SELECT 1 FROM ${table.name} WHERE ${table.pk.map((c) => `${c} = ?`).join(' AND ')}`).get(...pk)
    return found === undefined ? 'gone' : 'here'
  }

  return (table: SyncTable, rowKey: string, handle: DocHandle): Presence => {
    if (unapplied.has(`${table.name}\u0000${rowKey}`)) return 'here'
    return table.identity === 'natural' ? natural(table, rowKey) : minted(table, rowKey, handle)
  }
}

/** Deletes, in one document, the rows SQLite does not hold. Returns how many. */
function deleteGone(handle: DocHandle, presence: ReturnType<typeof createPresence>, cascades: ReadonlyMap<string, string[]>): number {
  const live = liveRows(handle)
  const gone: { tbl: string; key: string; handle: DocHandle }[] = []
  const goneIds = new Set<string>()
  const children: { tbl: string; key: string; handle: DocHandle }[] = []
  // Parents first: a goal whose key is forgotten here makes its milestones 'parent-gone'.
  for (const table of syncTables) {
    for (const rowKey of live.get(table.name) ?? []) {
      const found = presence(table, rowKey, handle)
      if (found === 'gone') {
        gone.push({ tbl: table.name, key: rowKey, handle })
        goneIds.add(`${table.name}\u0000${rowKey}`)
      } else if (found === 'parent-gone' && cascadingParents(table, rowKey, handle, cascades).some((p) => goneIds.has(`${p.tbl}\u0000${p.key}`))) {
        children.push({ tbl: table.name, key: rowKey, handle })
      }
    }
  }
  // Children deleted here with their parent share its token, so an edit of one on another
  // machine meanwhile undoes the whole deletion there too (deletionUnits.ts).
  const all = [...gone, ...children]
  const tokens = deletionTokens(all, cascades)
  let deleted = 0
  for (const row of all) if (tombstone(handle, row.tbl, row.key, tokenFor(tokens, row.tbl, row.key))) deleted++
  return deleted
}

interface Reconcile {
  db: () => Db
  engine: SyncEngine
  transport: FolderTransport
  folder: string
  now: () => Date
  /** Holds every other call meanwhile. */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>
}

/**
 * Runs the reconciliation sync_state says is due, if any, and clears it. Each document is
 * merged, reconciled and saved in one transaction; the rows SQLite holds were noted in the
 * outbox when it was made due, so a crash part way leaves the rest for the next start.
 */
export async function reconcileIfDue({ db, engine, transport, folder, now, exclusive }: Reconcile): Promise<ReconcileOutcome | undefined> {
  const reason = reconcileDue(db())
  if (!reason) return undefined
  // What the others hold must be read before it is undone: a folder out of reach (a share
  // offline) would let its later changes back in afterwards. It stays due until then.
  if (reason === 'replaced' && !(await stat(join(folder, devicesDir)).then((s) => s.isDirectory(), () => false))) {
    throw new DomainError('unavailable', `The sync folder ${folder} cannot be read now, so the data you went back to is not sent to your other machines yet. Make the folder available and choose Sync now.`)
  }
  const seen = new Set(db().prepare<[], string>('SELECT file FROM sync_seen').pluck().all())
  // Names only; each document's files are read when its turn comes (one document's bytes at a time).
  const incoming = reason === 'replaced' ? (await transport.listIncoming(seen)).docs : new Map<string, IncomingSource[]>()
  return exclusive(async () => {
    const d = db()
    const unreadable: Unreadable[] = []
    const rows = createRowStore(db)
    const seconds = Math.floor(now().getTime() / 1000)
    const markSeen = d.prepare('INSERT OR IGNORE INTO sync_seen (file) VALUES (?)')
    const docs = [...new Set([...engine.handles.knownIds(), ...incoming.keys()])].sort((a, b) =>
      a === planDocId ? -1 : b === planDocId ? 1 : a.localeCompare(b),
    )
    let deleted = 0
    const cascades = cascadingRefs(d)
    const presence = createPresence(d, rows, cascades)
    for (const docId of docs) {
      const read = await transport.readDoc(incoming.get(docId) ?? [])
      unreadable.push(...read.unreadable)
      d.transaction(() => {
        const handle = engine.handles.get(docId)
        const merged: string[] = []
        for (const file of read.files) {
          try {
            handle.loadIncremental(file.bytes)
            merged.push(file.id)
          } catch {
            unreadable.push({ file: `${devicesDir}/${file.id}`, reason: 'it opened but holds no changes Pathfinder can read' })
          }
        }
        if (handle.getMissingDeps([]).length === 0) for (const id of merged) markSeen.run(id)
        const gone = deleteGone(handle, presence, cascades)
        if (gone > 0) handle.commit(null, seconds)
        deleted += gone
        engine.handles.persist(docId)
      })()
      if (docId !== planDocId) engine.handles.unload(docId)
    }
    engine.drain()
    d.prepare('UPDATE sync_state SET reconcile = NULL WHERE id = 1').run()
    return { deleted, unreadable }
  })
}
