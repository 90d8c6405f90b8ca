import { z } from 'zod'
import type { ReportExport, ReportExportFormat, ReportFigures, ReportModel } from '@shared/domain/report'
import type { Db } from '../store/database'

interface ExportRow {
  id: number
  exported_at: string
  format: ReportExportFormat
  template: ReportExport['template']
  title: string
  file_name: string
  period_label: string
  period_from: string
  period_to: string
  time_zone: string
  figures: string
}

const count = z.number().catch(0)
/** Figures as stored; a figure an older version did not keep reads as 0, never as a crash. */
const storedFigures = z.object({
  activities: count,
  activeDays: count,
  openSourceContributions: count,
  mergedPullRequests: count,
  repositories: count,
  strategyWork: count,
  hours: count,
  goalsDone: count,
  goalsInProgress: count,
  goalsOverdue: count,
  milestonesDone: count,
  skillsImproved: count,
  itemsCompleted: count,
  roadmapProgress: z.number().nullable().catch(null),
  certifications: count,
  communityWork: count,
  withImpact: count,
})

function parseFigures(json: string): ReportFigures {
  try {
    return storedFigures.parse(JSON.parse(json))
  } catch {
    return storedFigures.parse({})
  }
}

const toExport = (row: ExportRow): ReportExport => ({
  id: row.id,
  exportedAt: row.exported_at,
  format: row.format,
  template: row.template,
  title: row.title,
  fileName: row.file_name,
  periodLabel: row.period_label,
  from: row.period_from,
  to: row.period_to,
  timeZone: row.time_zone,
  figures: parseFigures(row.figures),
})

export function createExportsRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO report_export (exported_at, format, template, title, file_name, period_label, period_from, period_to, time_zone, options, figures)
    VALUES (@exportedAt, @format, @template, @title, @fileName, @periodLabel, @from, @to, @timeZone, @options, @figures)`)
  const listStmt = db.prepare<[number], ExportRow>('SELECT * FROM report_export ORDER BY exported_at DESC, id DESC LIMIT ?')
  const getStmt = db.prepare<[number], ExportRow>('SELECT * FROM report_export WHERE id = ?')
  const previousStmt = db.prepare<{ template: string; from: string; to: string }, ExportRow>(`
    SELECT * FROM report_export
    WHERE NOT (template = @template AND period_from = @from AND period_to = @to)
    ORDER BY exported_at DESC, id DESC LIMIT 1`)

  return {
    record(model: ReportModel, format: ReportExportFormat, fileName: string, options: unknown, at: Date): ReportExport {
      const id = Number(
        insert.run({
          exportedAt: at.toISOString(),
          format,
          template: model.template,
          title: model.title,
          fileName,
          periodLabel: model.period.label,
          from: model.period.from,
          to: model.period.to,
          timeZone: model.period.timeZone,
          options: JSON.stringify(options),
          figures: JSON.stringify(model.figures),
        }).lastInsertRowid,
      )
      const row = getStmt.get(id)
      if (!row) throw new Error(`The export ${id} was not stored`)
      return toExport(row)
    },
    list(limit: number): ReportExport[] {
      return listStmt.all(limit).map(toExport)
    },
    /**
     * The report this one follows: the latest export of a different report. The same report
     * saved again in another format is not "the last report".
     */
    previous(report: { template: string; from: string; to: string }): ReportExport | null {
      const row = previousStmt.get(report)
      return row ? toExport(row) : null
    },
  }
}

export type ExportsRepository = ReturnType<typeof createExportsRepository>
