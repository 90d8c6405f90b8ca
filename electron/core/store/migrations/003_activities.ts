import type { Migration } from './types'

/**
 * The activity log. Every index is partial on `deleted_at IS NULL`: a removed activity waits
 * for undo without slowing or showing up in any list, count or stat (every query carries the
 * same condition, which is what lets SQLite use these indexes).
 */
export const activities: Migration = {
  version: 3,
  name: 'activities, their skills, full-text search',
  sql: /* sql */ `
    CREATE TABLE activity (
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
      source         TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','git','github','csv')),
      -- Where an import found it ("github:pr:owner/name#12"): re-imports update, never duplicate.
      external_key   TEXT UNIQUE,
      commit_count   INTEGER CHECK (commit_count >= 0),
      lines_changed  INTEGER CHECK (lines_changed >= 0),
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL,
      deleted_at     TEXT
    ) STRICT;

    CREATE INDEX activity_date ON activity(date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_kind_date ON activity(kind, date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_repo_date ON activity(repo, date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_state_date ON activity(state, date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_goal_date ON activity(goal_id, date, id) WHERE deleted_at IS NULL;
    CREATE INDEX activity_title ON activity(title, id) WHERE deleted_at IS NULL;
    -- An import recognises work the user logged by hand by its link.
    CREATE INDEX activity_url ON activity(url) WHERE deleted_at IS NULL;
    CREATE INDEX activity_deleted ON activity(deleted_at) WHERE deleted_at IS NOT NULL;

    -- Skills an activity exercised (seed or custom). No foreign key to content: a retired or
    -- removed skill keeps its links, as goal_item and item_evidence do.
    CREATE TABLE activity_skill (
      activity_id  INTEGER NOT NULL REFERENCES activity(id) ON DELETE CASCADE,
      item_id      TEXT NOT NULL,
      PRIMARY KEY (activity_id, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX activity_skill_item ON activity_skill(item_id, activity_id);

    -- External content: the text lives once, in activity; triggers keep the index in step.
    -- '/' separates tokens, so "expressjs/express" is found by "express".
    CREATE VIRTUAL TABLE activity_fts USING fts5(
      title, notes, repo,
      content='activity', content_rowid='id',
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TRIGGER activity_fts_insert AFTER INSERT ON activity BEGIN
      INSERT INTO activity_fts(rowid, title, notes, repo) VALUES (new.id, new.title, new.notes, new.repo);
    END;
    CREATE TRIGGER activity_fts_delete AFTER DELETE ON activity BEGIN
      INSERT INTO activity_fts(activity_fts, rowid, title, notes, repo) VALUES ('delete', old.id, old.title, old.notes, old.repo);
    END;
    CREATE TRIGGER activity_fts_update AFTER UPDATE OF title, notes, repo ON activity BEGIN
      INSERT INTO activity_fts(activity_fts, rowid, title, notes, repo) VALUES ('delete', old.id, old.title, old.notes, old.repo);
      INSERT INTO activity_fts(rowid, title, notes, repo) VALUES (new.id, new.title, new.notes, new.repo);
    END;
  `,
}
