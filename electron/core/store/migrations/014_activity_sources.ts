import type { Migration } from './types'

/**
 * Activities come from more places than 003 listed (Stack Exchange, blog feeds, badges,
 * calendars, and the forges beside GitHub): the column's list of sources becomes a rule on its
 * shape, and which names exist is the contract's business (`activitySources`), so the next
 * source needs no table rebuild. SQLite cannot change a CHECK, so the table is rebuilt with the
 * same rows, ids and columns.
 *
 * With foreign keys on (migrations run in a transaction, where they cannot be turned off),
 * dropping the old table deletes its skills and evidence by cascade: both are set aside first
 * and put back. The drop fires no trigger, so activity_day and activity_fts, keyed by the
 * unchanged ids and dates, stay as they are; the triggers go with the table and are made again
 * exactly as 005 and 011 left them (013's star is carried over), and so are the indexes of 003, 005 and 010.
 */
export const activitySources: Migration = {
  version: 14,
  name: 'activity sources by shape',
  sql: /* sql */ `
    CREATE TABLE activity_new (
      id             INTEGER PRIMARY KEY,
      kind           TEXT NOT NULL CHECK (kind IN ('pull-request','issue','code-review','docs','release',
                       'commits','certification','meetup','talk','forum-answer','blog-post',
                       'portfolio-project','learning')),
      date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      -- NOCASE: sorting by title and matching a repository ignore case, as people do.
      title          TEXT NOT NULL COLLATE NOCASE CHECK (length(title) BETWEEN 1 AND 500),
      url            TEXT CHECK (url IS NULL OR url LIKE 'http://%' OR url LIKE 'https://%'),
      repo           TEXT COLLATE NOCASE,
      state          TEXT CHECK (state IN ('open','merged','closed')),
      hours          REAL CHECK (hours >= 0),
      notes          TEXT,
      -- Removing a goal keeps the work it counted, unassigned.
      goal_id        INTEGER REFERENCES goal(id) ON DELETE SET NULL,
      -- A lower-case name ('manual', 'github', 'feed'...); the contract lists which.
      source         TEXT NOT NULL DEFAULT 'manual' CHECK (length(source) BETWEEN 1 AND 32 AND source NOT GLOB '*[^a-z-]*'),
      -- Where an import found it ("github:pr:owner/name#12"): re-imports update, never duplicate.
      external_key   TEXT UNIQUE,
      commit_count   INTEGER CHECK (commit_count >= 0),
      lines_changed  INTEGER CHECK (lines_changed >= 0),
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL,
      deleted_at     TEXT,
      impact         TEXT,
      starred        INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1))
    ) STRICT;

    INSERT INTO activity_new (id, kind, date, title, url, repo, state, hours, notes, goal_id, source, external_key,
                              commit_count, lines_changed, created_at, updated_at, deleted_at, impact, starred)
      SELECT id, kind, date, title, url, repo, state, hours, notes, goal_id, source, external_key,
             commit_count, lines_changed, created_at, updated_at, deleted_at, impact, starred FROM activity;

    CREATE TEMP TABLE kept_activity_skill AS SELECT activity_id, item_id FROM activity_skill;
    CREATE TEMP TABLE kept_item_evidence AS SELECT id, item_id, url, activity_id, note, created_at FROM item_evidence WHERE activity_id IS NOT NULL;

    DROP TABLE activity;
    ALTER TABLE activity_new RENAME TO activity;

    INSERT INTO activity_skill (activity_id, item_id) SELECT activity_id, item_id FROM temp.kept_activity_skill;
    INSERT INTO item_evidence (id, item_id, url, activity_id, note, created_at)
      SELECT id, item_id, url, activity_id, note, created_at FROM temp.kept_item_evidence;
    DROP TABLE temp.kept_activity_skill;
    DROP TABLE temp.kept_item_evidence;

    CREATE INDEX activity_date ON activity(date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_kind_date ON activity(kind, date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_repo_date ON activity(repo, date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_state_date ON activity(state, date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_goal_date ON activity(goal_id, date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_title ON activity(title, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_url ON activity(url) WHERE deleted_at IS NULL;
    CREATE INDEX activity_deleted ON activity(deleted_at) WHERE deleted_at IS NOT NULL;
    CREATE INDEX activity_date_kind_repo ON activity(date, kind, repo) WHERE deleted_at IS NULL AND repo IS NOT NULL;
    CREATE INDEX activity_same ON activity(date, kind, title, repo) WHERE deleted_at IS NULL;

    CREATE TRIGGER activity_day_insert AFTER INSERT ON activity WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO activity_day (date, kind, state, n) VALUES (new.date, new.kind, coalesce(new.state, ''), 1)
        ON CONFLICT (date, kind, state) DO UPDATE SET n = n + 1;
    END;
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
