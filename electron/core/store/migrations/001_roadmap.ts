import type { Migration } from './types'

export const roadmap: Migration = {
  version: 1,
  name: 'career path content, item state and its history, settings',
  sql: /* sql */ `
    CREATE TABLE content_path (
      id          TEXT PRIMARY KEY,
      version     TEXT NOT NULL,
      title       TEXT NOT NULL,
      summary     TEXT,
      source      TEXT,
      loaded_at   TEXT NOT NULL
    ) STRICT;

    -- Content from data/: replaced by id on every start. Never holds user state.
    CREATE TABLE content_item (
      id              TEXT PRIMARY KEY,
      path_id         TEXT NOT NULL REFERENCES content_path(id),
      parent_id       TEXT,
      kind            TEXT NOT NULL CHECK (kind IN ('stage','track','skill','strategy-group','strategy')),
      position        INTEGER NOT NULL,
      title           TEXT NOT NULL,
      tagline         TEXT,
      description     TEXT,
      duration_months REAL,
      salary_min      INTEGER,
      salary_max      INTEGER,
      salary_currency TEXT,
      salary_period   TEXT,
      activity_kinds  TEXT NOT NULL DEFAULT '[]',
      -- An item a content update removed: kept so the user's history still has its name.
      retired         INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX content_item_path ON content_item(path_id, parent_id, position);

    -- The user's state on an item. No foreign key to content: it must outlive content changes.
    CREATE TABLE item_state (
      item_id     TEXT PRIMARY KEY,
      status      TEXT NOT NULL DEFAULT 'not-started'
                  CHECK (status IN ('not-started','in-progress','done','skipped')),
      level       INTEGER CHECK (level BETWEEN 0 AND 5),
      note        TEXT,
      hidden      INTEGER NOT NULL DEFAULT 0,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE item_state_history (
      id          INTEGER PRIMARY KEY,
      item_id     TEXT NOT NULL,
      field       TEXT NOT NULL CHECK (field IN ('status','level')),
      from_value  TEXT,
      to_value    TEXT,
      at          TEXT NOT NULL
    ) STRICT;
    CREATE INDEX item_state_history_item ON item_state_history(item_id, at);
    CREATE INDEX item_state_history_at ON item_state_history(at);

    CREATE TABLE setting (
      key    TEXT PRIMARY KEY,
      value  TEXT NOT NULL
    ) STRICT;
  `,
}
