/**
 * Which tables hold what the person made, for export, import and the store snapshots of the
 * tests. Every table a migration creates is listed either here or in `nonUserTables`; a
 * test fails for a table in neither, so a new table is never silently left out of exports.
 *
 * A feature that adds a table appends it here, parents before children (import inserts in
 * this order), with `since` = the migration version that creates it.
 */
export interface UserTable {
  name: string
  since: number
}

export const userTables: readonly UserTable[] = [
  // 001 roadmap
  { name: 'setting', since: 1 },
  { name: 'item_state', since: 1 },
  { name: 'item_state_history', since: 1 },
  // 002 goals
  { name: 'goal', since: 2 },
  { name: 'goal_item', since: 2 },
  { name: 'milestone', since: 2 },
  { name: 'custom_item', since: 2 },
  // 003 activities
  { name: 'activity', since: 3 },
  { name: 'activity_skill', since: 3 },
  // 002, after activity: migration 008 made its activity_id a reference to it.
  { name: 'item_evidence', since: 2 },
  // 004 reports
  { name: 'report_export', since: 4 },
  // 007 goal activity targets
  { name: 'goal_activity_target', since: 7 },
  // 012 the weekly review and the reminders already handed out
  { name: 'weekly_review', since: 12 },
  { name: 'reminder_fired', since: 12 },
]

/**
 * Tables that are not the person's data: content reloaded from data/ on every start, and
 * tables that triggers derive from user tables (FTS indexes, counters): an import rewrites
 * the user tables row by row and the triggers rebuild these. FTS5 shadow tables are
 * recognised on their own.
 */
export const nonUserTables: readonly string[] = [
  'content_path',
  'content_item',
  'activity_fts',
  'activity_day',
  // 015 sync: this device's sync bookkeeping (its key, documents, ids); never exported.
  'sync_state',
  'sync_doc',
  'sync_chunk',
  'sync_key',
  'sync_outbox',
  'sync_seen',
  'sync_notice',
  'sync_device',
  // 017 sync server: this device's server address and room secret; never exported.
  'sync_server',
]

/** The user tables a database at `version` has, in insert order. */
export const userTablesAt = (version: number): UserTable[] => userTables.filter((t) => t.since <= version)
