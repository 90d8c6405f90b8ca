import type { Migration } from './types'

/**
 * Goals, milestones, evidence and custom items. Everything here is the user's: content
 * updates never touch these tables, and item ids are plain text (no foreign key to content)
 * so a link outlives the content row it points at.
 */
export const goals: Migration = {
  version: 2,
  name: 'goals, milestones, item evidence, custom items',
  sql: /* sql */ `
    CREATE TABLE goal (
      id               INTEGER PRIMARY KEY,
      title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description      TEXT,
      start_date       TEXT NOT NULL,
      target_date      TEXT,
      priority         TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('low','medium','high')),
      status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','paused','done','dropped')),
      -- Counts only while the goal has no milestones.
      manual_progress  INTEGER NOT NULL DEFAULT 0 CHECK (manual_progress BETWEEN 0 AND 100),
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      -- Archiving is apart from status, so a restored goal comes back as it was.
      archived_at      TEXT,
      CHECK (target_date IS NULL OR target_date >= start_date)
    ) STRICT;
    CREATE INDEX goal_open_target ON goal(archived_at, status, target_date);

    CREATE TABLE goal_item (
      goal_id   INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
      item_id   TEXT NOT NULL,
      position  INTEGER NOT NULL,
      PRIMARY KEY (goal_id, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX goal_item_item ON goal_item(item_id);

    CREATE TABLE milestone (
      id          INTEGER PRIMARY KEY,
      goal_id     INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
      title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      due_date    TEXT,
      done_at     TEXT,
      position    INTEGER NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX milestone_goal ON milestone(goal_id, position);
    CREATE INDEX milestone_open_due ON milestone(due_date) WHERE done_at IS NULL;

    CREATE TABLE item_evidence (
      id           INTEGER PRIMARY KEY,
      item_id      TEXT NOT NULL,
      url          TEXT,
      -- A logged activity; the activities table arrives later, so no foreign key yet.
      activity_id  INTEGER,
      note         TEXT,
      created_at   TEXT NOT NULL,
      CHECK (url IS NOT NULL OR activity_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX item_evidence_item ON item_evidence(item_id, created_at);

    -- Items the user added to a path. AUTOINCREMENT: a removed item's id is never handed out
    -- again, so stray history can never attach itself to a new item.
    CREATE TABLE custom_item (
      seq             INTEGER PRIMARY KEY AUTOINCREMENT,
      id              TEXT NOT NULL UNIQUE,
      path_id         TEXT NOT NULL,
      parent_id       TEXT NOT NULL,
      kind            TEXT NOT NULL CHECK (kind IN ('track','skill','strategy-group','strategy')),
      position        INTEGER NOT NULL,
      title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      tagline         TEXT,
      description     TEXT,
      activity_kinds  TEXT NOT NULL DEFAULT '[]',
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX custom_item_parent ON custom_item(path_id, parent_id, position);

    -- Seed and custom items as one tree: every reader of the roadmap goes through this, so a
    -- custom item can never be forgotten by one query and seen by another.
    CREATE VIEW roadmap_node AS
      SELECT id, path_id, parent_id, kind, position, title, tagline, description, duration_months,
             salary_min, salary_max, salary_currency, salary_period, activity_kinds, retired, 0 AS custom
      FROM content_item
      UNION ALL
      SELECT id, path_id, parent_id, kind, position, title, tagline, description, NULL,
             NULL, NULL, NULL, NULL, activity_kinds, 0, 1
      FROM custom_item;

    CREATE INDEX item_state_history_field ON item_state_history(item_id, field, at);
  `,
}
