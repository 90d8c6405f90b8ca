import type { Migration } from './types'

/**
 * Measured with 100,000 activities (scripts/benchActivities.ts), two changes keep the list and
 * the dashboard fast:
 *
 * - activity_day: live activities counted per day, kind and state, kept by triggers. Totals of
 *   the common filters (kinds, state, dates), the heatmap, the months and the streaks read a
 *   few thousand rows instead of scanning the activity table.
 * - activity_fts becomes contentless, holding live activities only, with a rowid that sorts by
 *   date then id ((days since 1970) * 2^32 + id). A search sorted by date then walks the index
 *   newest first and stops after a page, and its total is a count inside FTS5: no lookup of
 *   the thousands of rows a common word matches. With external content the rowid had to be the
 *   activity id, and every search joined and sorted all its matches.
 */
export const activitySpeed: Migration = {
  version: 5,
  name: 'activity day counts, date-ordered search',
  sql: /* sql */ `
    CREATE TABLE activity_day (
      date   TEXT NOT NULL,
      kind   TEXT NOT NULL,
      -- '' for no state: a primary key column cannot be NULL here.
      state  TEXT NOT NULL,
      n      INTEGER NOT NULL,
      PRIMARY KEY (date, kind, state)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO activity_day (date, kind, state, n)
      SELECT date, kind, coalesce(state, ''), count(*) FROM activity WHERE deleted_at IS NULL GROUP BY 1, 2, 3;

    CREATE TRIGGER activity_day_insert AFTER INSERT ON activity WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO activity_day (date, kind, state, n) VALUES (new.date, new.kind, coalesce(new.state, ''), 1)
        ON CONFLICT (date, kind, state) DO UPDATE SET n = n + 1;
    END;
    -- A count that reaches 0 is removed, so "days with activity" is simply the rows there are.
    CREATE TRIGGER activity_day_delete AFTER DELETE ON activity WHEN old.deleted_at IS NULL BEGIN
      UPDATE activity_day SET n = n - 1 WHERE date = old.date AND kind = old.kind AND state = coalesce(old.state, '');
      DELETE FROM activity_day WHERE date = old.date AND kind = old.kind AND state = coalesce(old.state, '') AND n <= 0;
    END;
    CREATE TRIGGER activity_day_update AFTER UPDATE OF date, kind, state, deleted_at ON activity BEGIN
      UPDATE activity_day SET n = n - 1
        WHERE old.deleted_at IS NULL AND date = old.date AND kind = old.kind AND state = coalesce(old.state, '');
      DELETE FROM activity_day
        WHERE old.deleted_at IS NULL AND date = old.date AND kind = old.kind AND state = coalesce(old.state, '') AND n <= 0;
      INSERT INTO activity_day (date, kind, state, n)
        SELECT new.date, new.kind, coalesce(new.state, ''), 1 WHERE new.deleted_at IS NULL
        ON CONFLICT (date, kind, state) DO UPDATE SET n = n + 1;
    END;

    DROP TRIGGER activity_fts_insert;
    DROP TRIGGER activity_fts_delete;
    DROP TRIGGER activity_fts_update;
    DROP TABLE activity_fts;

    CREATE VIRTUAL TABLE activity_fts USING fts5(
      title, notes, repo,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO activity_fts (rowid, title, notes, repo)
      SELECT (unixepoch(date) / 86400) * 4294967296 + id, title, notes, repo FROM activity WHERE deleted_at IS NULL;

    CREATE TRIGGER activity_fts_insert AFTER INSERT ON activity WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO activity_fts (rowid, title, notes, repo)
        VALUES ((unixepoch(new.date) / 86400) * 4294967296 + new.id, new.title, new.notes, new.repo);
    END;
    CREATE TRIGGER activity_fts_delete AFTER DELETE ON activity WHEN old.deleted_at IS NULL BEGIN
      DELETE FROM activity_fts WHERE rowid = (unixepoch(old.date) / 86400) * 4294967296 + old.id;
    END;
    CREATE TRIGGER activity_fts_update AFTER UPDATE OF date, title, notes, repo, deleted_at ON activity BEGIN
      DELETE FROM activity_fts WHERE old.deleted_at IS NULL AND rowid = (unixepoch(old.date) / 86400) * 4294967296 + old.id;
      INSERT INTO activity_fts (rowid, title, notes, repo)
        SELECT (unixepoch(new.date) / 86400) * 4294967296 + new.id, new.title, new.notes, new.repo WHERE new.deleted_at IS NULL;
    END;

    -- Covers the dashboard's per-repository counts over a date range without reading rows.
    CREATE INDEX activity_date_kind_repo ON activity(date, kind, repo) WHERE deleted_at IS NULL AND repo IS NOT NULL;
  `,
}
