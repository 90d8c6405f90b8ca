import type { ItemSyncNotice, ItemSyncNotices, SyncSubject, SyncSubjectKind } from '@shared/domain/sync'
import type { Db } from '../store/database'
import { createRowStore, type RowStore } from './rowStore'
import { parsedCell } from './syncStatus'
import { syncTableNamed } from './syncTables'

interface NoticeRow {
  id: number
  kind: ItemSyncNotice['kind']
  tbl: string
  field: string
  kept: string | null
  other: string | null
  at: string
  /** The row the notice shows on: a goal's link or target shows on the goal, a skill tag on its activity. */
  owner: string
  owner_key: unknown
  /** The owner's local id, only while that row is on this machine. */
  local_id: number | null
  goal_id: number | null
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

/** What the notice's row is, by local id: undefined when that row is not (or no longer) here. */
function subjectOf(n: NoticeRow): SyncSubject | undefined {
  if (n.owner === 'item_state' || n.owner === 'custom_item') return typeof n.owner_key === 'string' ? { kind: 'item', id: n.owner_key } : undefined
  if (n.local_id === null) return undefined
  if (n.owner === 'goal') return { kind: 'goal', id: n.local_id }
  if (n.owner === 'activity') return { kind: 'activity', id: n.local_id }
  if (n.owner === 'milestone' && n.goal_id !== null) return { kind: 'milestone', id: n.local_id, goalId: n.goal_id }
  return undefined
}

/** A reference field's value (a goal's key in the documents) as the title the person knows. */
function shownValue(rows: RowStore, tbl: string, field: string, value: string | number | null): string | number | null {
  const ref = syncTableNamed.get(tbl)?.refs[field]
  if (ref === undefined || value === null) return value
  const local = rows.localOf(ref, String(value))
  const title: unknown = local === undefined ? undefined : rows.prepare(`SELECT title FROM ${ref} WHERE id = ?`).pluck().get(Number(local))
  return typeof title === 'string' ? title : `a ${ref} not on this machine yet`
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
export function readItemNotices(db: Db, about?: { kind: SyncSubjectKind; id?: number | string }): Omit<ItemSyncNotices, 'remoteChanges'> {
  const enabled = db.prepare('SELECT 1 FROM sync_state WHERE id = 1').get() !== undefined
  const tables = about ? tablesOf[about.kind] : everyTable
  // One statement resolves every notice to its row here, so many notices cost one read, not one per notice.
  const found = db
    .prepare<string[], NoticeRow>(
      `WITH n AS (
         SELECT id, kind, tbl, field, kept, other, at,
           CASE tbl WHEN 'goal_item' THEN 'goal' WHEN 'goal_activity_target' THEN 'goal' WHEN 'activity_skill' THEN 'activity' ELSE tbl END AS owner,
           CASE WHEN tbl IN ('goal', 'milestone', 'activity') THEN row_key WHEN json_valid(row_key) THEN json_extract(row_key, '$[0]') END AS owner_key
         FROM sync_notice
         WHERE kind IN ('conflict', 'restored') AND tbl IN (${tables.map(() => '?').join(', ')})
         ORDER BY at DESC, id DESC LIMIT ${cap}
       )
       SELECT n.*, coalesce(g.id, m.id, a.id) AS local_id, m.goal_id AS goal_id
       FROM n
       LEFT JOIN sync_key k ON n.owner IN ('goal', 'milestone', 'activity') AND k.tbl = n.owner AND k.key = n.owner_key
       LEFT JOIN goal g ON n.owner = 'goal' AND g.id = CAST(k.local_id AS INTEGER)
       LEFT JOIN milestone m ON n.owner = 'milestone' AND m.id = CAST(k.local_id AS INTEGER)
       LEFT JOIN activity a ON n.owner = 'activity' AND a.id = CAST(k.local_id AS INTEGER)
       ORDER BY n.at DESC, n.id DESC`,
    )
    .all(...tables)
  if (found.length === 0) return { enabled, notices: [] }
  const rows = createRowStore(() => db)
  const notices: ItemSyncNotice[] = []
  for (const n of found) {
    const subject = subjectOf(n)
    if (!subject || (about && !sameSubject(subject, about))) continue
    notices.push({
      id: n.id,
      kind: n.kind,
      subject,
      table: n.tbl,
      field: n.field,
      fieldLabel: n.kind === 'restored' ? '' : wordsOf(n.field),
      kept: n.kind === 'restored' ? null : shownValue(rows, n.tbl, n.field, parsedCell(n.kept)),
      other: n.kind === 'restored' ? null : shownValue(rows, n.tbl, n.field, parsedCell(n.other)),
      at: n.at,
    })
  }
  return { enabled, notices }
}
