/** Why a backup was taken. All but 'manual' are taken by the app and rotated (the last 14 kept). */
export const backupReasons = ['daily', 'manual', 'before-restore', 'before-import', 'before-migration', 'first-data'] as const
export type BackupReason = (typeof backupReasons)[number]

export const backupReasonLabels: Record<BackupReason, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
  'before-migration': 'Before an app update',
  'first-data': 'After your first changes',
}

export interface BackupInfo {
  /** File name inside the backups folder; the only handle a restore accepts. */
  name: string
  /** UTC ISO-8601. */
  createdAt: string
  /** Bytes. */
  size: number
  reason: BackupReason
  /** Taken by the app, so subject to rotation. */
  automatic: boolean
}

export interface RestoreResult {
  restored: BackupInfo
  /** The state just before the restore, itself restorable. */
  safetyBackup: BackupInfo
}
