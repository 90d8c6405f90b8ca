import type { ActivityFilter } from '@shared/contract/activities'
import type { Activity, CsvExport } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import { csvColumns, type CsvColumn } from './csvColumns'
import { spreadsheetLines } from '../../csv/formulaCells'

// Every cell, whatever its column, is defused on the way out (spreadsheetLines): a key or a
// repository name imported from someone else's file is as much text as a title.
const cellOf: Record<CsvColumn, (a: Activity) => string | number | null> = {
  date: (a) => a.date,
  kind: (a) => a.kind,
  title: (a) => a.title,
  url: (a) => a.url,
  repo: (a) => a.repo,
  state: (a) => a.state,
  hours: (a) => a.hours,
  skills: (a) => a.skills.map((s) => s.id).join(';'),
  goal_id: (a) => a.goalId,
  notes: (a) => a.notes,
  impact: (a) => a.impact,
  starred: (a) => (a.starred ? 'yes' : ''),
  commit_count: (a) => a.commitCount,
  lines_changed: (a) => a.linesChanged,
  key: (a) => a.externalKey,
}

/**
 * The activities a filter matches, oldest first, in the documented format, with a byte-order
 * mark so spreadsheets read it as UTF-8. Importing the file again adds nothing twice.
 */
export function exportCsv(repo: ActivitiesRepository, filter: ActivityFilter): CsvExport {
  const rows: (string | number | null)[][] = [[...csvColumns]]
  for (const activity of repo.each(filter)) rows.push(csvColumns.map((column) => cellOf[column](activity)))
  return { csv: `\uFEFF${spreadsheetLines(rows)}`, count: rows.length - 1 }
}
