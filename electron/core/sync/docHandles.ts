import { Automerge } from './automerge'
import type { Db } from '../store/database'
import { headsEqual, parseHeads, type Heads } from './heads'

/**
 * The Automerge documents of this device, held through their raw handles (the spike in
 * bench/syncSpike.ts: ten times faster than `change()`, which keeps a JS copy in step). A
 * document is loaded from its saved chunks the first time it is needed; each change is saved
 * as a chunk in the same transaction as the rows it produced, and SQLite keeps the heads its
 * rows reflect, so a start never replays history into the tables.
 */
export type DocHandle = ReturnType<typeof Automerge.getBackend>

/** Chunks per document before they are folded into one save. */
const foldAfter = 64

export interface DocHandles {
  get(docId: string): DocHandle
  /**
   * Merges bytes from another device (a file of the folder) into a document; throws when they
   * hold nothing Automerge can read. A document new to this device that is just these bytes (a
   * first sync reads one snapshot per document) keeps them as its first save.
   */
  merge(docId: string, bytes: Uint8Array): void
  /** Every document this device has, loaded or not. */
  knownIds(): string[]
  loaded(): IterableIterator<[string, DocHandle]>
  isLoaded(docId: string): boolean
  /** Heads SQLite reflects for a document ([] for a new one). */
  storedHeads(docId: string): Heads
  /** Inside the caller's transaction: saves what changed since the last save and records heads. */
  persist(docId: string): void
  /** Frees all but the `keep` most recently used documents (the plan stays); saved ones only, so after a persist. */
  trim(keep: number): void
  /** Frees a saved document's memory; the next get loads it again. */
  unload(docId: string): void
  forget(): void
}


export function newHandle(actor: string): DocHandle {
  return Automerge.getBackend(Automerge.init(actor))
}

export function createDocHandles(db: () => Db, actor: string): DocHandles {
  const handles = new Map<string, DocHandle>()
  /** The bytes a document new here was merged from, with the heads they make (see merge). */
  const firstSaves = new Map<string, { bytes: Uint8Array; heads: Heads }>()
  const storedHeads = (docId: string): Heads => {
    const text = db().prepare<[string], string>('SELECT heads FROM sync_doc WHERE doc_id = ?').pluck().get(docId)
    return text === undefined ? [] : parseHeads(text)
  }
  const drop = (docId: string): void => {
    handles.get(docId)?.free()
    handles.delete(docId)
    firstSaves.delete(docId)
  }

  const load = (docId: string): DocHandle => {
    const handle = newHandle(actor)
    const chunks = db().prepare<[string], Buffer>('SELECT bytes FROM sync_chunk WHERE doc_id = ? ORDER BY seq').pluck().all(docId)
    for (const chunk of chunks) handle.loadIncremental(new Uint8Array(chunk))
    db().prepare('INSERT OR IGNORE INTO sync_doc (doc_id) VALUES (?)').run(docId)
    return handle
  }

  const get = (docId: string): DocHandle => {
    let handle = handles.get(docId)
    if (handle) {
      // Map order is use order: the least recently used document is first.
      handles.delete(docId)
    } else {
      handle = load(docId)
    }
    handles.set(docId, handle)
    return handle
  }

  return {
    get,
    merge(docId, bytes) {
      const handle = get(docId)
      const fresh = handle.getHeads().length === 0
      handle.loadIncremental(bytes)
      if (fresh) firstSaves.set(docId, { bytes, heads: handle.getHeads() })
    },
    knownIds: () => db().prepare<[], string>('SELECT doc_id FROM sync_doc ORDER BY doc_id').pluck().all(),
    loaded: () => handles.entries(),
    isLoaded: (docId) => handles.has(docId),
    storedHeads,
    persist(docId) {
      const handle = handles.get(docId)
      if (!handle) return
      const d = db()
      const count = d.prepare<[string], number>('SELECT count(*) FROM sync_chunk WHERE doc_id = ?').pluck().get(docId) ?? 0
      const first = firstSaves.get(docId)
      firstSaves.delete(docId)
      if (count === 0) {
        // A document's first save is whole: a first sync's documents saved as their changes took
        // about three times the compressed size (177 MB of chunks for an 18 MB folder at 100,000
        // activities). The snapshot it was merged from is that save already; making another
        // grew Automerge's memory (never given back) by 13 MB for the plan, at the host's peak.
        const heads = handle.getHeads()
        const whole = first && headsEqual(first.heads, heads) ? first.bytes : heads.length > 0 ? handle.save() : null
        if (whole) d.prepare('INSERT INTO sync_chunk (doc_id, seq, bytes) VALUES (?, 1, ?)').run(docId, Buffer.from(whole))
      } else {
        // What changed since the heads the last save recorded (Automerge's own saveIncremental
        // counts from the last load or save, and a document loaded from its chunks would give all of them back).
        const bytes = handle.saveSince(storedHeads(docId))
        if (bytes.byteLength > 0) {
          if (count >= foldAfter) {
            d.prepare('DELETE FROM sync_chunk WHERE doc_id = ?').run(docId)
            d.prepare('INSERT INTO sync_chunk (doc_id, seq, bytes) VALUES (?, 1, ?)').run(docId, Buffer.from(handle.save()))
          } else {
            d.prepare('INSERT INTO sync_chunk (doc_id, seq, bytes) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM sync_chunk WHERE doc_id = ?), ?)').run(docId, docId, Buffer.from(bytes))
          }
        }
      }
      d.prepare('INSERT INTO sync_doc (doc_id, heads) VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET heads = excluded.heads').run(docId, JSON.stringify(handle.getHeads()))
    },
    trim(keep) {
      const months = [...handles.keys()].filter((id) => id !== 'plan')
      for (const docId of months.slice(0, Math.max(0, months.length - keep))) drop(docId)
    },
    unload: drop,
    forget() {
      for (const handle of handles.values()) handle.free()
      handles.clear()
      firstSaves.clear()
    },
  }
}
