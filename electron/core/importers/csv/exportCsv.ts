import type { ActivityFilter } from '@shared/contract/activities'
import type { Activity, CsvExport } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import { csvColumns, type CsvColumn } from './csvColumns'
import { csvLines, defuseFormula } from './csvText'

const text = (value: string | null): string => (value === null ? '' : defuseFormula(value))
const num = (value: number | null): string => (value === null ? '' : String(value))

const cellOf: Record<CsvColumn, (a: Activity) => string> = {
  date: (a) => a.date,
  kind: (a) => a.kind,
  title: (a) => text(a.title),
  url: (a) => a.url ?? '',
  repo: (a) => text(a.repo),
  state: (a) => a.state ?? '',
  hours: (a) => num(a.hours),
  skills: (a) => a.skills.map((s) => s.id).join(';'),
  goal_id: (a) => num(a.goalId),
  notes: (a) => text(a.notes),
  commit_count: (a) => num(a.commitCount),
  lines_changed: (a) => num(a.linesChanged),
  key: (a) => a.externalKey ?? '',
}

/**
 * The activities a filter matches, oldest first, in the documented format, with a byte-order
 * mark so spreadsheets read it as UTF-8. Importing the file again adds nothing twice.
 */
export function exportCsv(repo: ActivitiesRepository, filter: ActivityFilter): CsvExport {
  const rows: string[][] = [[...csvColumns]]
  for (const activity of repo.each(filter)) rows.push(csvColumns.map((column) => cellOf[column](activity)))
  return { csv: `\uFEFF${csvLines(rows)}`, count: rows.length - 1 }
}
