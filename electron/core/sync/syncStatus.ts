import type { SyncNotice, SyncStatus } from '@shared/domain/sync'
import type { Db } from '../store/database'
import type { Unreadable } from './folderTransport'

interface NoticeRow {
  id: number
  kind: SyncNotice['kind']
  tbl: string
  row_key: string
  field: string
  kept: string | null
  other: string | null
  at: string
}

const titled: Record<string, string> = { goal: 'Goal', milestone: 'Milestone', activity: 'Activity' }

/** A notice's stored value (JSON text) as the cell it was; anything else reads as empty. */
export const parsedCell = (text: string | null): string | number | null => {
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'string' || typeof value === 'number' ? value : null
  } catch {
    return null
  }
}

const firstPart = (rowKey: string): string => {
  try {
    const parts: unknown = JSON.parse(rowKey)
    return Array.isArray(parts) && typeof parts[0] === 'string' ? parts[0] : rowKey
  } catch {
    return rowKey
  }
}

/** The row a notice is about, in words the person recognises. */
function labelOf(db: Db, tbl: string, rowKey: string): string {
  const kind = titled[tbl]
  if (kind) {
    const title = db
      .prepare<[string, string], string>(`SELECT t.title FROM sync_key k JOIN ${tbl} t ON t.id = CAST(k.local_id AS INTEGER) WHERE k.tbl = ? AND k.key = ?`)
      .pluck()
      .get(tbl, rowKey)
    return title === undefined ? `A ${kind.toLowerCase()}` : `${kind} “${title}”`
  }
  if (tbl === 'item_state' || tbl === 'custom_item') {
    const id = firstPart(rowKey)
    const title = db.prepare<[string], string>('SELECT title FROM roadmap_node WHERE id = ?').pluck().get(id)
    return `Roadmap item “${title ?? id}”`
  }
  if (tbl === 'setting') return `Setting ${firstPart(rowKey)}`
  return tbl.replaceAll('_', ' ')
}

export function readStatus(db: Db, state: { device_id: string; device_name: string; folder: string } | null, unreadable: Unreadable[], canPickFolder: boolean): Omit<SyncStatus, 'server'> {
  const lastSyncAt = db.prepare<[], string | null>('SELECT last_sync_at FROM sync_state WHERE id = 1').pluck().get() ?? null
  const notices = db.prepare<[], NoticeRow>('SELECT id, kind, tbl, row_key, field, kept, other, at FROM sync_notice ORDER BY at DESC, id DESC LIMIT 200').all()
  return {
    enabled: state !== null,
    folder: state?.folder ?? null,
    deviceName: state?.device_name ?? null,
    deviceId: state?.device_id ?? null,
    lastSyncAt,
    devices: db
      .prepare<[], { id: string; name: string; lastSeenAt: string }>('SELECT device_id AS id, name, last_seen_at AS lastSeenAt FROM sync_device ORDER BY last_seen_at DESC')
      .all(),
    waiting: {
      documents: state ? (db.prepare<[], number>('SELECT count(*) FROM sync_doc WHERE heads <> sent_heads').pluck().get() ?? 0) : 0,
      rows: db.prepare<[], number>("SELECT count(*) FROM sync_notice WHERE kind = 'unapplied'").pluck().get() ?? 0,
    },
    unreadable: state ? unreadable : [],
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      label: labelOf(db, n.tbl, n.row_key),
      field: n.field.replaceAll('_', ' '),
      kept: parsedCell(n.kept),
      other: n.kind === 'unapplied' ? n.other : parsedCell(n.other),
      at: n.at,
    })),
    canPickFolder,
  }
}
