import { exportFormat, type ExportDocument, type ExportFile, type ExportRow } from '@shared/domain/dataTransfer'
import type { Db } from '../store/database'
import { userVersion } from '../store/migrate'
import { userTablesAt } from '../store/userTables'
import { readRows, readSequences } from './tableRows'

/** Key of the AUTOINCREMENT counters in `data`, beside the user tables. */
export const sequencesKey = 'sqlite_sequence'

/** Every user table, read in one transaction so the document is one consistent moment. */
export function buildExport(db: Db, at: Date): ExportDocument {
  return db.transaction((): ExportDocument => {
    const schemaVersion = userVersion(db)
    const tables = userTablesAt(schemaVersion).map((t) => t.name)
    const data: Record<string, ExportRow[]> = {}
    for (const table of tables) data[table] = readRows(db, table)
    const sequences = readSequences(db, tables)
    if (sequences.length > 0) data[sequencesKey] = sequences
    return { format: exportFormat, schemaVersion, exportedAt: at.toISOString(), data }
  })()
}

export function exportAll(db: Db, at: Date): ExportFile {
  const document = buildExport(db, at)
  const counts = Object.fromEntries(Object.entries(document.data).filter(([t]) => t !== sequencesKey).map(([t, rows]) => [t, rows.length]))
  return { fileName: `pathfinder-export-${at.toISOString().slice(0, 10)}.json`, json: JSON.stringify(document, null, 1), counts }
}
