import type { Migration } from './types'

/**
 * The report export history: what was exported, for which period, and its key figures, so
 * the next report can say what changed since the last one. The figures are kept as they
 * were printed; they are never recomputed.
 */
export const reports: Migration = {
  version: 4,
  name: 'report export history',
  sql: /* sql */ `
    CREATE TABLE report_export (
      id            INTEGER PRIMARY KEY,
      exported_at   TEXT NOT NULL,
      format        TEXT NOT NULL CHECK (format IN ('pdf','markdown','html','json','csv')),
      template      TEXT NOT NULL,
      title         TEXT NOT NULL,
      file_name     TEXT NOT NULL,
      period_label  TEXT NOT NULL,
      period_from   TEXT NOT NULL,
      period_to     TEXT NOT NULL,
      time_zone     TEXT NOT NULL,
      -- The options as given (JSON), so an export can be made again the same way.
      options       TEXT NOT NULL,
      -- ReportFigures (JSON) as printed.
      figures       TEXT NOT NULL,
      CHECK (period_from <= period_to)
    ) STRICT;
    CREATE INDEX report_export_at ON report_export(exported_at, id);
  `,
}
