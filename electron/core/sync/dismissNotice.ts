import type { Db } from '../store/database'
import { noticeRow, readConflict } from './noticeRow'

/**
 * "Keep this one" for a field edited on both machines, and Dismiss for the other notices.
 *
 * Keeping is an ordinary local write too: the notice goes and the row is written with the value
 * it has, so the capture triggers note it (SQLite fires an UPDATE trigger whether or not a value
 * changes). The engine puts a field the document still holds two values of, and this machine no
 * longer shows a conflict for, into the document again (engine.ts, mustWrite), which Automerge
 * records as the removal of the other value: the conflict ends there, and each other machine's
 * notice goes when the change reaches it. A different choice made on another machine before
 * they sync (a value written over both) outlives that removal and wins on every machine. With
 * sync off there are no triggers, and the next time sync turns on writes the row anyway.
 *
 * A "kept the edit" or "not applied" notice is this machine's own account: it just goes.
 */
export function dismissNotice(db: Db, noticeId: number): void {
  const conflict = readConflict(db, noticeId)
  const row = conflict ? noticeRow(db, conflict) : undefined
  db.transaction(() => {
    db.prepare('DELETE FROM sync_notice WHERE id = ?').run(noticeId)
    if (conflict && typeof row === 'object') db.prepare(`UPDATE ${row.table.name} SET ${conflict.field} = ${conflict.field} WHERE ${row.where}`).run(...row.params)
  })()
}
