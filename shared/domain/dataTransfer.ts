import type { BackupInfo } from './backups'

/** The marker every export file carries, so an import can tell ours from any other JSON. */
export const exportFormat = 'pathfinder-export'

export type ExportCell = string | number | null
export type ExportRow = Record<string, ExportCell>

/** One file with every table the user's data lives in, in the schema of `schemaVersion`. */
export interface ExportDocument {
  format: typeof exportFormat
  schemaVersion: number
  exportedAt: string
  data: Record<string, ExportRow[]>
}

export interface ExportFile {
  /** Suggested name, e.g. pathfinder-export-2026-03-31.json. */
  fileName: string
  /** The document as JSON text, exactly the bytes to save. */
  json: string
  /** Rows per table. */
  counts: Record<string, number>
}

export interface ImportResult {
  counts: Record<string, number>
  /** The state just before the import, restorable from the Backups screen. */
  safetyBackup: BackupInfo
}
