/** Sync across one person's machines through a folder they share (issue 16). */
export interface SyncDevice {
  id: string
  name: string
  /** When its newest file was seen, UTC ISO-8601. */
  lastSeenAt: string
}

export interface SyncNotice {
  id: number
  /** conflict: edited on both machines; restored: deleted on one, edited on the other, kept; unapplied: not applied yet. */
  kind: 'conflict' | 'restored' | 'unapplied'
  /** What the row is, in words: "Goal “Ship the API”". */
  label: string
  /** The field edited on both machines (conflict only). */
  field: string
  /** The value both machines now show (conflict), as stored. */
  kept: string | number | null
  /** The other machine's value (conflict) or why the row waits (unapplied). */
  other: string | number | null
  at: string
}

/** The optional sync server, as the person reads it in Settings. */
export interface SyncServerStatus {
  url: string
  /**
   * connected: talking to it; connecting: trying (again, after a pause that grows to a minute);
   * offline: not reachable, trying again; paused: sync is off, so it is not contacted.
   */
  state: 'connected' | 'connecting' | 'offline' | 'paused'
  /** The last problem, in words; null once it connects. */
  lastError: string | null
  /** When it last sent a change this machine merged, UTC ISO-8601. */
  lastReceivedAt: string | null
}

export interface SyncStatus {
  enabled: boolean
  folder: string | null
  deviceName: string | null
  deviceId: string | null
  lastSyncAt: string | null
  /** The other devices seen in the folder. */
  devices: SyncDevice[]
  /** Documents with changes not yet written to the folder, and rows waiting for their parent. */
  waiting: { documents: number; rows: number }
  /** Files in the folder that would not open (still copying, damaged, foreign). */
  unreadable: { file: string; reason: string }[]
  notices: SyncNotice[]
  /** The sync server, when one is set. */
  server: SyncServerStatus | null
  /** True where the host offers a folder dialog (the desktop app); the browser types a path. */
  canPickFolder: boolean
}

/** What a notice is about, by this machine's own ids: the view that shows the row finds it. */
export type SyncSubject =
  | { kind: 'goal'; id: number }
  | { kind: 'milestone'; id: number; goalId: number }
  | { kind: 'activity'; id: number }
  | { kind: 'item'; id: string }

export type SyncSubjectKind = SyncSubject['kind']

/** A notice shown on the item itself (the goal card, the activity row, the roadmap item page). */
export interface ItemSyncNotice {
  id: number
  /** conflict: one field edited on both machines; restored: deleted on one, edited on the other, kept. */
  kind: 'conflict' | 'restored'
  subject: SyncSubject
  /** The table the field belongs to: a goal's activity target or skill tag is its own row. */
  table: string
  /** The column edited on both, as stored ('title', 'target_date'); '' for restored. */
  field: string
  /** The field in words: "target date". */
  fieldLabel: string
  /** What this machine (and, once synced, every machine) shows; a reference as the title it points at. */
  kept: string | number | null
  /** What the other machine had. */
  other: string | number | null
  at: string
}

export interface ItemSyncNotices {
  /** Whether sync is on: a view asks again after a sync pass only then. */
  enabled: boolean
  notices: ItemSyncNotice[]
  /**
   * Bumped each time rows from another machine are applied here (the count starts again with
   * the core): a view that shows stored rows reads them again when it moves.
   */
  remoteChanges: number
}
