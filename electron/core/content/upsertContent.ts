import type { CareerPathFile } from '@shared/domain/careerPath'
import type { Db } from '../store/database'
import { flattenPath } from './flattenPath'

/**
 * Writes the path files into the content tables by stable id, in one transaction. Only
 * content tables are touched: statuses, levels, goals and custom items are the user's and a
 * content update never overwrites them. Items a file no longer has are retired, not deleted,
 * so the user's history keeps their names.
 */
export function upsertContent(db: Db, paths: readonly CareerPathFile[], now: Date): void {
  const upsertPath = db.prepare(`
    INSERT INTO content_path (id, version, title, summary, source, loaded_at)
    VALUES (@id, @version, @title, @summary, @source, @loaded_at)
    ON CONFLICT(id) DO UPDATE SET version = excluded.version, title = excluded.title,
      summary = excluded.summary, source = excluded.source, loaded_at = excluded.loaded_at`)
  const upsertItem = db.prepare(`
    INSERT INTO content_item (id, path_id, parent_id, kind, position, title, tagline, description,
      duration_months, salary_min, salary_max, salary_currency, salary_period, activity_kinds, retired)
    VALUES (@id, @path_id, @parent_id, @kind, @position, @title, @tagline, @description,
      @duration_months, @salary_min, @salary_max, @salary_currency, @salary_period, @activity_kinds, 0)
    ON CONFLICT(id) DO UPDATE SET path_id = excluded.path_id, parent_id = excluded.parent_id,
      kind = excluded.kind, position = excluded.position, title = excluded.title,
      tagline = excluded.tagline, description = excluded.description,
      duration_months = excluded.duration_months, salary_min = excluded.salary_min,
      salary_max = excluded.salary_max, salary_currency = excluded.salary_currency,
      salary_period = excluded.salary_period, activity_kinds = excluded.activity_kinds, retired = 0`)
  const retire = db.prepare(`UPDATE content_item SET retired = 1 WHERE path_id = ? AND id NOT IN (SELECT value FROM json_each(?))`)

  db.transaction(() => {
    for (const path of paths) {
      upsertPath.run({ id: path.id, version: path.version, title: path.title, summary: path.summary ?? null, source: path.source ?? null, loaded_at: now.toISOString() })
      const rows = flattenPath(path)
      for (const row of rows) upsertItem.run(row)
      retire.run(path.id, JSON.stringify(rows.map((r) => r.id)))
    }
  })()
}
