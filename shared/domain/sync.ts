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
