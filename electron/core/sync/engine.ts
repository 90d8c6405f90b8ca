import { Automerge, automerge } from './automerge'
import type { Db } from '../store/database'
import { createDocHandles, type DocHandle, type DocHandles } from './docHandles'
import { headsEqual } from './heads'
import { fieldKey, parseFieldKey, revToken, tombstone, writtenRows } from './fieldKeys'
import { createNotices } from './notices'
import { applyRemoteRow, type RemoteRow } from './applyRow'
import { createRowStore, type Cell, type Row } from './rowStore'
import { cascadingRefs, deletionTokens, tokenFor, undoDeletion } from './deletionUnits'
import { planDocId, syncTableNamed, syncTables } from './syncTables'

/**
 * The projection between the documents and SQLite, both ways. `drain` carries what local
 * writes noted in sync_outbox into the documents; `project` applies what the documents gained
 * from other devices to SQLite. Each runs in one transaction with the documents' saves and
 * heads, so SQLite and the documents never disagree after a crash. Nothing here merges: that
 * is Automerge's, and this code only reads its outcome.
 */
export interface SyncEngine {
  readonly handles: DocHandles
  /** Local writes into the documents. Returns the documents that changed. */
  drain(): Set<string>
  /** Remote changes (already in the handles) into SQLite; only those of `only` when given. */
  project(only?: ReadonlySet<string>): ProjectOutcome
}

export interface ProjectOutcome {
  rows: number
  docs: Set<string>
  /** Documents this device wrote a resolution into (a deletion undone): changes of its own to send. */
  resolved: Set<string>
}

interface OutboxEntry {
  seq: number
  tbl: string
  local_id: string | null
  gone_key: string | null
  gone_doc: string | null
}

/**
 * Activity documents kept in memory between calls (about 1,000 rows each), and outbox rows
 * carried into the documents per transaction. Turning sync on with 100,000 activities peaked
 * at 241 to 248 MB with 12 months and 5,000 rows, 211 to 218 MB with these, in the same time.
 */
const keptMonths = 3
const drainPageSize = 2_000

const hasNullPart = (key: string): boolean => {
  try {
    const parts: unknown = JSON.parse(key)
    return Array.isArray(parts) && parts.includes(null)
  } catch {
    return false
  }
}

const isCell = (value: unknown): value is Cell => value === null || typeof value === 'string' || typeof value === 'number'

/** The engine, once Automerge's WebAssembly is compiled (the first time only). */
export async function loadSyncEngine(db: () => Db, actor: string, now: () => Date): Promise<SyncEngine> {
  await automerge()
  return createSyncEngine(db, actor, now)
}

function createSyncEngine(db: () => Db, actor: string, now: () => Date): SyncEngine {
  const handles = createDocHandles(db, actor)
  const rows = createRowStore(db)
  const notices = createNotices(db, now, rows.prepare)
  const seconds = (): number => Math.floor(now().getTime() / 1000)
  // Per connection: a restore or an import swaps it.
  let cascadesFor: { db: Db; refs: Map<string, string[]> } | null = null
  const cascades = (): Map<string, string[]> => {
    const d = db()
    if (cascadesFor?.db !== d) cascadesFor = { db: d, refs: cascadingRefs(d) }
    return cascadesFor.refs
  }

  /**
   * Whether a local write puts this field into the document. A new value, as ever. The same
   * value too when the document still holds another machine's value beside it and this machine
   * shows no conflict for the field: the person kept it ("Keep this one" deletes the notice and
   * rewrites the row), or it was never one to show (a stamp, the same value on both). The put
   * leaves the field one value (of the value already shown, Automerge records the removal of the
   * others), and each machine's notice goes when the change reaches it (applyRow.ts); a write
   * that settles it here clears this machine's notice as well. A field whose conflict is still
   * shown is left for the person.
   */
  function mustWrite(handle: DocHandle, tbl: string, key: string, field: string, value: Cell): boolean {
    const at = fieldKey(tbl, key, field)
    const held = handle.getAll('_root', at)
    if (held.length <= 1) return held[0]?.[1] !== value
    const settles = handle.get('_root', at) !== value || !notices.open('conflict', tbl, key, field)
    if (settles) notices.clear('conflict', tbl, key, field)
    return settles
  }

  function writeFields(handle: DocHandle, tbl: string, key: string, fields: Row): boolean {
    // A row the document has never held (no _rev yet) is written without reading each field first.
    const known = handle.get('_root', fieldKey(tbl, key, '_rev')) !== undefined
    let changed = false
    for (const [field, value] of Object.entries(fields)) {
      if (!known || mustWrite(handle, tbl, key, field, value)) {
        handle.put('_root', fieldKey(tbl, key, field), value)
        changed = true
      }
    }
    if (known && handle.get('_root', fieldKey(tbl, key, '_del')) === true) {
      handle.put('_root', fieldKey(tbl, key, '_del'), false)
      changed = true
    }
    if (changed) handle.put('_root', fieldKey(tbl, key, '_rev'), revToken('e'))
    return changed
  }

  function drain(): Set<string> {
    const touched = new Set<string>()
    // In pages, each its own transaction: a store turning sync on with ten years notes every
    // row at once, and one page's months (not all of them) are in memory at a time.
    for (let after = 0; ; ) {
      const page = drainPage(after, touched)
      if (page === null) break
      after = page
    }
    return touched
  }

  /** One page of sync_outbox into the documents; the last seq it took, or null when it was empty. */
  function drainPage(after: number, touched: Set<string>): number | null {
    const d = db()
    const entries = d.prepare<[number, number], OutboxEntry>('SELECT seq, tbl, local_id, gone_key, gone_doc FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?').all(after, drainPageSize)
    const last = entries.at(-1)?.seq
    if (last === undefined) return null
    const changed = new Set<string>()
    d.transaction(() => {
      // A row written several times in one call is read once, as it stands now.
      const lastLive = new Map<string, number>()
      for (const e of entries) if (e.gone_key === null && e.local_id !== null) lastLive.set(`${e.tbl}\u0000${e.local_id}`, e.seq)
      // A child gone with its parent in this write is tombstoned with the parent's token (deletionUnits.ts).
      const gone: { tbl: string; key: string; handle: DocHandle }[] = []
      for (const e of entries) {
        if (e.gone_key !== null && e.gone_doc !== null && !hasNullPart(e.gone_key) && syncTableNamed.has(e.tbl)) gone.push({ tbl: e.tbl, key: e.gone_key, handle: handles.get(e.gone_doc) })
      }
      const tokens = gone.length > 0 ? deletionTokens(gone, cascades()) : new Map<string, string>()
      for (const e of entries) {
        const table = syncTableNamed.get(e.tbl)
        if (!table) continue
        if (e.gone_key !== null) {
          // A key holding null: a child whose parent went first; every device cascades it.
          if (e.gone_doc !== null && !hasNullPart(e.gone_key) && tombstone(handles.get(e.gone_doc), e.tbl, e.gone_key, tokenFor(tokens, e.tbl, e.gone_key))) changed.add(e.gone_doc)
          continue
        }
        if (e.local_id === null || lastLive.get(`${e.tbl}\u0000${e.local_id}`) !== e.seq) continue
        const row = rows.readLocal(table, e.local_id)
        if (!row || (table.include && !table.include(row))) continue
        const where = rows.identify(table, row)
        if (!where) continue
        if (writeFields(handles.get(where.docId), table.name, where.key, rows.encode(table, row))) changed.add(where.docId)
      }
      for (const docId of changed) {
        handles.get(docId).commit(null, seconds())
        handles.persist(docId)
      }
      d.prepare('DELETE FROM sync_outbox WHERE seq <= ?').run(last)
    })()
    for (const docId of changed) touched.add(docId)
    // A store joining with ten years touches every month; the last few stay loaded.
    handles.trim(keptMonths)
    return last
  }

  function project(only?: ReadonlySet<string>): ProjectOutcome {
    const d = db()
    const outcome: ProjectOutcome = { rows: 0, docs: new Set(), resolved: new Set() }
    d.transaction(() => {
      const outboxBefore = d.prepare<[], number>('SELECT coalesce(max(seq), 0) FROM sync_outbox').pluck().get() ?? 0
      const pending = new Map<string, RemoteRow>()
      const rowAt = (tbl: string, rowKey: string, docId: string): RemoteRow => {
        const id = `${tbl}\u0000${docId}\u0000${rowKey}`
        let entry = pending.get(id)
        if (!entry) {
          entry = { tbl, rowKey, docId, patched: new Set(), contested: new Set(), everyField: false }
          pending.set(id, entry)
        }
        return entry
      }
      for (const [docId, handle] of [...handles.loaded()]) {
        if (only && !only.has(docId)) continue
        const before = handles.storedHeads(docId)
        const after = handle.getHeads()
        if (headsEqual(before, after)) continue
        outcome.docs.add(docId)
        // Every key the new changes wrote, whether or not their value won here: a field this
        // machine keeps its own value of was still edited on the other, and must be shown.
        if (before.length === 0) {
          // A document new to this device: every key is new here, and reading the keys spares
          // decoding every operation of what may be years of history. Its rows by their `_rev`
          // alone, without a set of fields each: the plan's 66,000 keys parsed one by one and
          // held as 8,900 sets were the peak of a first sync's memory.
          for (const at of writtenRows(handle)) if (syncTableNamed.has(at.tbl)) rowAt(at.tbl, at.rowKey, docId).everyField = true
          continue
        }
        for (const change of handle.getChanges(before)) {
          for (const op of Automerge.decodeChange(change).ops) {
            if (op.obj !== '_root') continue
            const at = parseFieldKey(op.key)
            if (!at || !syncTableNamed.has(at.tbl)) continue
            const entry = rowAt(at.tbl, at.rowKey, docId)
            entry.patched.add(at.field)
            if (op.pred.length > 0) entry.contested.add(at.field)
          }
        }
      }
      // Rows that waited for a parent (a goal whose document had not arrived) try again.
      for (const waiting of notices.waiting()) rowAt(waiting.tbl, waiting.rowKey, waiting.docId)
      const resolved = outcome.resolved
      // Deleted on one machine, edited on another: the whole deletion is undone, the parent
      // and the children it took along, whichever of them was edited (deletionUnits.ts).
      for (const entry of [...pending.values()]) {
        if (!entry.everyField && !entry.patched.has('_rev')) continue
        const handle = handles.get(entry.docId)
        const revs = handle.getAll('_root', fieldKey(entry.tbl, entry.rowKey, '_rev')).map((v) => v[1])
        if (!revs.some((r) => typeof r === 'string' && r.startsWith('e:'))) continue
        const docs = entry.docId === planDocId ? [{ docId: entry.docId, handle }] : [{ docId: entry.docId, handle }, { docId: planDocId, handle: handles.get(planDocId) }]
        for (const token of revs) {
          if (typeof token !== 'string' || !token.startsWith('d:')) continue
          for (const row of undoDeletion(token, docs, cascades())) {
            const again = rowAt(row.tbl, row.rowKey, row.docId)
            for (const column of syncTableNamed.get(row.tbl)?.columns ?? []) again.patched.add(column)
            if (row.undeleted) resolved.add(row.docId)
            if (row.root) notices.put('restored', row.tbl, row.rowKey, row.docId, '', null, null)
          }
        }
      }
      for (const table of syncTables) {
        for (const entry of pending.values()) {
          if (entry.tbl !== table.name) continue
          const handle = handles.get(entry.docId)
          if (applyRemoteRow({ db: d, table, entry, handle, rows, notices, isCell })) resolved.add(entry.docId)
          outcome.rows++
        }
      }
      for (const docId of resolved) handles.get(docId).commit(null, seconds())
      for (const docId of new Set([...outcome.docs, ...resolved])) handles.persist(docId)
      // The rows just applied noted themselves through the capture triggers: they came from
      // the documents, so there is nothing to carry back.
      d.prepare('DELETE FROM sync_outbox WHERE seq > ?').run(outboxBefore)
    })()
    return outcome
  }

  return { handles, drain, project }
}
