import { isKnownSettingKey, settingKeys } from '../settings/settingKeys'

/**
 * Which tables sync carries, and how a row is known on every device.
 *
 * - `natural`: the primary key means the same thing everywhere (a skill's id, a setting's
 *   name, a goal and an item): the row's key is its primary key, references turned into keys.
 * - `minted`: a local integer id; the first capture mints a random key, kept in sync_key.
 * - `external`: an activity. An imported one is keyed by where it came from (external_key),
 *   so the same pull request imported on two machines is one row; a hand-written one is minted.
 *
 * Order is parents before children: remote rows are applied in it, so a milestone finds its
 * goal. Report export history and import settings stay on each device (folder paths and
 * what was exported where are facts of one machine).
 */
export type DocKind = 'plan' | 'activity'

export interface SyncTable {
  name: string
  doc: DocKind
  identity: 'natural' | 'minted' | 'external'
  /** Primary key columns, as SQLite has them. */
  pk: readonly string[]
  /** Every synced column but a minted table's id. */
  columns: readonly string[]
  /** Column -> the table it points at (local ids here, keys in the documents). */
  refs: Readonly<Record<string, string>>
  /** Columns whose differing values are not worth telling the person about. */
  quiet: readonly string[]
  /** Which rows sync at all (settings: the ones that mean the same on every machine). */
  include?: (row: Record<string, unknown>) => boolean
}

const stamps = ['created_at', 'updated_at']

export const syncTables: readonly SyncTable[] = [
  {
    name: 'setting',
    doc: 'plan',
    identity: 'natural',
    pk: ['key'],
    columns: ['key', 'value'],
    refs: {},
    quiet: [],
    include: (row) => typeof row.key === 'string' && isKnownSettingKey(row.key) && row.key !== settingKeys.importSettings,
  },
  { name: 'item_state', doc: 'plan', identity: 'natural', pk: ['item_id'], columns: ['item_id', 'status', 'level', 'note', 'hidden', 'updated_at'], refs: {}, quiet: stamps },
  { name: 'item_state_history', doc: 'plan', identity: 'minted', pk: ['id'], columns: ['item_id', 'field', 'from_value', 'to_value', 'at'], refs: {}, quiet: [] },
  {
    name: 'goal',
    doc: 'plan',
    identity: 'minted',
    pk: ['id'],
    columns: ['title', 'description', 'start_date', 'target_date', 'priority', 'status', 'manual_progress', 'created_at', 'updated_at', 'archived_at', 'completed_at'],
    refs: {},
    quiet: [...stamps, 'completed_at'],
  },
  { name: 'goal_item', doc: 'plan', identity: 'natural', pk: ['goal_id', 'item_id'], columns: ['goal_id', 'item_id', 'position'], refs: { goal_id: 'goal' }, quiet: ['position'] },
  {
    name: 'milestone',
    doc: 'plan',
    identity: 'minted',
    pk: ['id'],
    columns: ['goal_id', 'title', 'due_date', 'done_at', 'position', 'created_at', 'updated_at'],
    refs: { goal_id: 'goal' },
    quiet: [...stamps, 'position'],
  },
  {
    name: 'custom_item',
    doc: 'plan',
    identity: 'natural',
    pk: ['id'],
    columns: ['id', 'path_id', 'parent_id', 'kind', 'position', 'title', 'tagline', 'description', 'activity_kinds', 'created_at', 'updated_at'],
    refs: {},
    quiet: [...stamps, 'position'],
  },
  {
    name: 'activity',
    doc: 'activity',
    identity: 'external',
    pk: ['id'],
    columns: [
      'kind',
      'date',
      'title',
      'url',
      'repo',
      'state',
      'hours',
      'notes',
      'impact',
      'starred',
      'goal_id',
      'source',
      'external_key',
      'commit_count',
      'lines_changed',
      'created_at',
      'updated_at',
      'deleted_at',
    ],
    refs: { goal_id: 'goal' },
    quiet: stamps,
  },
  // One review per week, keyed by its Monday on every machine; which reminders fired stays on each.
  { name: 'weekly_review', doc: 'plan', identity: 'natural', pk: ['week_start'], columns: ['week_start', 'shipped', 'learned', 'next', 'created_at', 'updated_at'], refs: {}, quiet: stamps },
  { name: 'activity_skill', doc: 'activity', identity: 'natural', pk: ['activity_id', 'item_id'], columns: ['activity_id', 'item_id'], refs: { activity_id: 'activity' }, quiet: [] },
  { name: 'item_evidence', doc: 'plan', identity: 'minted', pk: ['id'], columns: ['item_id', 'url', 'activity_id', 'note', 'created_at'], refs: { activity_id: 'activity' }, quiet: [] },
  {
    name: 'goal_activity_target',
    doc: 'plan',
    identity: 'natural',
    pk: ['goal_id'],
    columns: ['goal_id', 'target_count', 'kinds', 'state', 'repo', 'skill_id', 'from_date', 'to_date'],
    refs: { goal_id: 'goal' },
    quiet: [],
  },
]

export const syncTableNamed = new Map(syncTables.map((t) => [t.name, t]))

/** The plan lives in one document; activities in one per calendar month of their date. */
export const planDocId = 'plan'
export const activityDocId = (date: string): string => `activity-${date.slice(0, 7)}`
export const docIdPattern = /^(plan|activity-\d{4}-\d{2})$/
