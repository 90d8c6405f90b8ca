import type { ItemSyncNotice, ItemSyncNotices, SyncSubject, SyncSubjectKind } from '@shared/domain/sync'
import type { Db } from '../store/database'
import { createRowStore, type RowStore } from './rowStore'
import { syncTableNamed } from './syncTables'

interface NoticeRow {
  id: number
  kind: ItemSyncNotice['kind']
  tbl: string
  row_key: string
  field: string
  kept: string | null
  other: string | null
  at: string
}

/** Which notice tables a view of each kind of item shows: a goal's card holds its milestones, target and links. */
const tablesOf: Record<SyncSubjectKind, readonly string[]> = {
  goal: ['goal', 'goal_item', 'goal_activity_target', 'milestone'],
  milestone: ['milestone'],
  activity: ['activity', 'activity_skill'],
  item: ['item_state', 'custom_item'],
}
const everyTable = [...new Set(Object.values(tablesOf).flat())]

// Words for the columns whose names do not read well on their own.
const fieldWords: Record<string, string> = {
  manual_progress: 'progress',
  done_at: 'done',
  archived_at: 'archived',
  deleted_at: 'deleted',
  goal_id: 'goal',
  target_count: 'activity target',
  kinds: 'activity kinds counted',
  skill_id: 'skill counted',
  from_date: 'counted from',
  to_date: 'counted until',
  item_id: 'skill',
}
const wordsOf = (field: string): string => fieldWords[field] ?? field.replaceAll('_', ' ')

// Notices never exceed a person's reading; a runaway table still answers quickly.
const cap = 1000

const parsedCell = (text: string | null): string | number | null => {
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'string' || typeof value === 'number' ? value : null
  } catch {
    return null
  }
}

const firstPart = (rowKey: string): string | undefined => {
  try {
    const parts: unknown = JSON.parse(rowKey)
    return Array.isArray(parts) && typeof parts[0] === 'string' ? parts[0] : undefined
  } catch {
    return undefined
  }
}

/** A local integer id from sync_key, only while the row is still on this machine. */
function liveId(db: Db, rows: RowStore, tbl: 'goal' | 'milestone' | 'activity', key: string | undefined): number | undefined {
  if (key === undefined) return undefined
  const local = rows.localOf(tbl, key)
  if (local === undefined) return undefined
  const id = Number(local)
  return Number.isSafeInteger(id) && db.prepare(`SELECT 1 FROM ${tbl} WHERE id = ?`).get(id) !== undefined ? id : undefined
}

/** What the notice's row is, by local id: undefined when that row is not (or no longer) here. */
function subjectOf(db: Db, rows: RowStore, tbl: string, rowKey: string): SyncSubject | undefined {
  switch (tbl) {
    case 'goal':
    case 'goal_item':
    case 'goal_activity_target': {
      const id = liveId(db, rows, 'goal', tbl === 'goal' ? rowKey : firstPart(rowKey))
      return id === undefined ? undefined : { kind: 'goal', id }
    }
    case 'milestone': {
      const id = liveId(db, rows, 'milestone', rowKey)
      const goalId = id === undefined ? undefined : db.prepare<[number], number>('SELECT goal_id FROM milestone WHERE id = ?').pluck().get(id)
      return id === undefined || goalId === undefined ? undefined : { kind: 'milestone', id, goalId }
    }
    case 'activity':
    case 'activity_skill': {
      const id = liveId(db, rows, 'activity', tbl === 'activity' ? rowKey : firstPart(rowKey))
      return id === undefined ? undefined : { kind: 'activity', id }
    }
    case 'item_state':
    case 'custom_item': {
      const id = firstPart(rowKey)
      return id === undefined ? undefined : { kind: 'item', id }
    }
    default:
      return undefined
  }
}

/** A reference field's value (a goal's key in the documents) as the title the person knows. */
function shownValue(db: Db, rows: RowStore, tbl: string, field: string, value: string | number | null): string | number | null {
  const ref = syncTableNamed.get(tbl)?.refs[field]
  if (ref === undefined || value === null) return value
  const local = rows.localOf(ref, String(value))
  const title = local === undefined ? undefined : db.prepare<[number], string>(`SELECT title FROM ${ref} WHERE id = ?`).pluck().get(Number(local))
  return title ?? `a ${ref} not on this machine yet`
}

const sameSubject = (a: SyncSubject, about: { kind: SyncSubjectKind; id?: number | string }): boolean => {
  if (about.id === undefined) return a.kind === about.kind || (about.kind === 'goal' && a.kind === 'milestone')
  if (about.kind === 'goal') return (a.kind === 'goal' && a.id === about.id) || (a.kind === 'milestone' && a.goalId === about.id)
  return a.kind === about.kind && a.id === about.id
}

/**
 * The conflicts and "kept the edit" notices a view shows on its items, by local id. Sync off or
 * nothing to tell: one indexed read of an empty range. Notices about rows not on this machine
 * (or about settings and reviews) stay in Settings' list only.
 */
export function readItemNotices(db: Db, about?: { kind: SyncSubjectKind; id?: number | string }): ItemSyncNotices {
  const enabled = db.prepare('SELECT 1 FROM sync_state WHERE id = 1').get() !== undefined
  const tables = about ? tablesOf[about.kind] : everyTable
  const found = db
    .prepare<string[], NoticeRow>(
      `SELECT id, kind, tbl, row_key, field, kept, other, at FROM sync_notice
       WHERE kind IN ('conflict','restored') AND tbl IN (${tables.map(() => '?').join(', ')})
       ORDER BY at DESC, id DESC LIMIT ${cap}`,
    )
    .all(...tables)
  if (found.length === 0) return { enabled, notices: [] }
  const rows = createRowStore(() => db)
  const notices: ItemSyncNotice[] = []
  for (const n of found) {
    const subject = subjectOf(db, rows, n.tbl, n.row_key)
    if (!subject || (about && !sameSubject(subject, about))) continue
    notices.push({
      id: n.id,
      kind: n.kind,
      subject,
      table: n.tbl,
      field: n.field,
      fieldLabel: n.kind === 'restored' ? '' : wordsOf(n.field),
      kept: n.kind === 'restored' ? null : shownValue(db, rows, n.tbl, n.field, parsedCell(n.kept)),
      other: n.kind === 'restored' ? null : shownValue(db, rows, n.tbl, n.field, parsedCell(n.other)),
      at: n.at,
    })
  }
  return { enabled, notices }
}
