import type { Migration } from './types'

/**
 * Why an activity mattered, in a line ("cut p95 latency from 800 ms to 120 ms"): the part of a
 * log a review or a promotion case quotes. Search must find it, so the full-text index is
 * rebuilt with it as a fourth column; its triggers are those of 005 with `impact` added.
 */
export const activityImpact: Migration = {
  version: 11,
  name: 'activity impact',
  sql: /* sql */ `
    ALTER TABLE activity ADD COLUMN impact TEXT;

    DROP TRIGGER activity_fts_insert;
    DROP TRIGGER activity_fts_delete;
    DROP TRIGGER activity_fts_update;
    DROP TABLE activity_fts;

    CREATE VIRTUAL TABLE activity_fts USING fts5(
      title, notes, repo, impact,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO activity_fts (rowid, title, notes, repo, impact)
      SELECT (unixepoch(date) / 86400) * 4294967296 + id, title, notes, repo, impact FROM activity WHERE deleted_at IS NULL;

    CREATE TRIGGER activity_fts_insert AFTER INSERT ON activity WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO activity_fts (rowid, title, notes, repo, impact)
        VALUES ((unixepoch(new.date) / 86400) * 4294967296 + new.id, new.title, new.notes, new.repo, new.impact);
    END;
    CREATE TRIGGER activity_fts_delete AFTER DELETE ON activity WHEN old.deleted_at IS NULL BEGIN
      DELETE FROM activity_fts WHERE rowid = (unixepoch(old.date) / 86400) * 4294967296 + old.id;
    END;
    CREATE TRIGGER activity_fts_update AFTER UPDATE OF date, title, notes, repo, impact, deleted_at ON activity BEGIN
      DELETE FROM activity_fts WHERE old.deleted_at IS NULL AND rowid = (unixepoch(old.date) / 86400) * 4294967296 + old.id;
      INSERT INTO activity_fts (rowid, title, notes, repo, impact)
        SELECT (unixepoch(new.date) / 86400) * 4294967296 + new.id, new.title, new.notes, new.repo, new.impact WHERE new.deleted_at IS NULL;
    END;
  `,
}
