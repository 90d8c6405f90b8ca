import type { Db } from '../store/database'
import { DomainError } from '../ipc/domainError'
import { createRowStore } from './rowStore'
import { noticeRow, readConflict } from './noticeRow'

/**
 * "Use the other machine's value" for a field edited on both: an ordinary local write of that
 * field, so the capture triggers carry it to the documents and every device ends with it.
 */
export function takeOtherValue(db: Db, noticeId: number): void {
  const notice = readConflict(db, noticeId)
  if (!notice) throw new DomainError('not-found', 'That conflict is no longer there: it was settled on this or another machine.')
  const row = noticeRow(db, notice)
  if (row === 'unsettleable') throw new DomainError('not-found', 'That conflict cannot be settled from here.')
  if (row === 'gone') throw new DomainError('not-found', 'That row is no longer on this machine.')
  let value: unknown = notice.other === null ? null : JSON.parse(notice.other)
  const ref = row.table.refs[notice.field]
  if (ref && value !== null) {
    const local = createRowStore(() => db).localOf(ref, String(value))
    if (local === undefined) throw new DomainError('not-found', 'The other value points at something this machine does not have yet. Sync again, then try.')
    value = Number(local)
  }
  db.transaction(() => {
    db.prepare(`UPDATE ${row.table.name} SET ${notice.field} = ? WHERE ${row.where}`).run(value, ...row.params)
    db.prepare('DELETE FROM sync_notice WHERE id = ?').run(noticeId)
  })()
}
