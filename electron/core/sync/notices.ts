import type { Db } from '../store/database'
import type { Cell, RowStore } from './rowStore'

/** What the person is told about a row: kept in sync_notice until it no longer holds. */
export function createNotices(db: () => Db, now: () => Date, prepare: RowStore['prepare']) {
  // The per-row statements come from the row store's cache: a statement prepared per row is
  // native memory the garbage collector does not see, about 10 KB a row in a first sync.
  return {
    /** Whether the row has any notice: asked once per row, so a row without one costs one lookup. */
    any: (tbl: string, rowKey: string): boolean =>
      prepare("SELECT 1 FROM sync_notice WHERE kind IN ('conflict','restored','unapplied') AND tbl = ? AND row_key = ? LIMIT 1").get(tbl, rowKey) !== undefined,
    /** Whether this machine shows that notice (a field's conflict: `field` is the column). */
    open: (kind: 'conflict' | 'restored' | 'unapplied', tbl: string, rowKey: string, field: string): boolean =>
      prepare('SELECT 1 FROM sync_notice WHERE kind = ? AND tbl = ? AND row_key = ? AND field = ?').get(kind, tbl, rowKey, field) !== undefined,
    put(kind: 'conflict' | 'restored' | 'unapplied', tbl: string, rowKey: string, docId: string, field: string, kept: Cell, other: Cell): void {
      prepare(
        `INSERT INTO sync_notice (kind, tbl, row_key, doc_id, field, kept, other, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, tbl, row_key, field) DO UPDATE SET doc_id = excluded.doc_id, kept = excluded.kept, other = excluded.other, at = excluded.at`,
      ).run(kind, tbl, rowKey, docId, field, kept === null ? null : JSON.stringify(kept), other === null ? null : JSON.stringify(other), now().toISOString())
    },
    clear(kind: 'conflict' | 'restored' | 'unapplied', tbl: string, rowKey: string, field?: string): void {
      if (field === undefined) prepare('DELETE FROM sync_notice WHERE kind = ? AND tbl = ? AND row_key = ?').run(kind, tbl, rowKey)
      else prepare('DELETE FROM sync_notice WHERE kind = ? AND tbl = ? AND row_key = ? AND field = ?').run(kind, tbl, rowKey, field)
    },
    waiting: (): { tbl: string; rowKey: string; docId: string }[] =>
      db().prepare<[], { tbl: string; rowKey: string; docId: string }>("SELECT tbl, row_key AS rowKey, doc_id AS docId FROM sync_notice WHERE kind = 'unapplied'").all(),
  }
}

export type Notices = ReturnType<typeof createNotices>
