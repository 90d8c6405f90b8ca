import type { Db } from '../store/database'
import { DomainError } from '../ipc/domainError'
import { createRowStore } from './rowStore'
import { syncTableNamed } from './syncTables'

/**
 * "Use the other machine's value" for a field edited on both: an ordinary local write of that
 * field, so the capture triggers carry it to the documents and every device ends with it.
 */
export function takeOtherValue(db: Db, noticeId: number): void {
  const notice = db
    .prepare<[number], { tbl: string; row_key: string; field: string; other: string | null }>("SELECT tbl, row_key, field, other FROM sync_notice WHERE id = ? AND kind = 'conflict'")
    .get(noticeId)
  if (!notice) throw new DomainError('not-found', 'That conflict is no longer there: it was settled on this or another machine.')
  const table = syncTableNamed.get(notice.tbl)
  if (!table || !table.columns.includes(notice.field) || table.pk.includes(notice.field)) throw new DomainError('not-found', 'That conflict cannot be settled from here.')
  const rows = createRowStore(() => db)
  let value: unknown = notice.other === null ? null : JSON.parse(notice.other)
  const ref = table.refs[notice.field]
  if (ref && value !== null) {
    const local = rows.localOf(ref, String(value))
    if (local === undefined) throw new DomainError('not-found', 'The other value points at something this machine does not have yet. Sync again, then try.')
    value = Number(local)
  }
  let where: string
  let params: unknown[]
  if (table.identity === 'natural') {
    const parts: unknown = JSON.parse(notice.row_key)
    if (!Array.isArray(parts)) throw new DomainError('not-found', 'That conflict cannot be settled from here.')
    params = table.pk.map((column, i) => {
      const refTable = table.refs[column]
      return refTable ? Number(rows.localOf(refTable, String(parts[i]))) : parts[i]
    })
    where = table.pk.map((c) => `${c} = ?`).join(' AND ')
  } else {
    const local = rows.localOf(table.name, notice.row_key)
    if (local === undefined) throw new DomainError('not-found', 'That row is no longer on this machine.')
    where = 'id = ?'
    params = [Number(local)]
  }
  db.transaction(() => {
    db.prepare(`UPDATE ${table.name} SET ${notice.field} = ? WHERE ${where}`).run(value, ...params)
    db.prepare('DELETE FROM sync_notice WHERE id = ?').run(noticeId)
  })()
}
