import type { Migration } from './types'

/**
 * The weekly review's entries (one per ISO week, keyed by its Monday) and the reminders already
 * handed out, so each fires once whatever sleeps, quits or restarts in between. A reminder's key
 * names its due date, so a moved date reminds again under a new key.
 */
export const remindersWeeklyReview: Migration = {
  version: 12,
  name: 'weekly review entries, fired reminders',
  sql: /* sql */ `
    CREATE TABLE weekly_review (
      week_start  TEXT PRIMARY KEY CHECK (week_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND strftime('%w', week_start) = '1'),
      shipped     TEXT NOT NULL DEFAULT '',
      learned     TEXT NOT NULL DEFAULT '',
      next        TEXT NOT NULL DEFAULT '',
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE reminder_fired (
      key           TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 120),
      -- As it was handed out, so a banner can list it again after a reload.
      title         TEXT NOT NULL,
      body          TEXT NOT NULL,
      target        TEXT NOT NULL,
      fired_at      TEXT NOT NULL,
      dismissed_at  TEXT
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX reminder_fired_open ON reminder_fired(fired_at) WHERE dismissed_at IS NULL;
  `,
}
