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
  /** True where the host offers a folder dialog (the desktop app); the browser types a path. */
  canPickFolder: boolean
}
