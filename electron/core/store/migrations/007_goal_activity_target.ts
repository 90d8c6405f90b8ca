import type { Migration } from './types'

/**
 * A goal driven by activities ("10 merged PRs in 2027"): at most one target per goal, gone
 * with its goal. Its own table rather than goal columns, so the goal table and the exports
 * of older versions keep their shape. kinds is a JSON array ('[]': every kind); null dates
 * follow the goal's start and target dates when counting.
 */
export const goalActivityTarget: Migration = {
  version: 7,
  name: 'goal activity targets',
  sql: /* sql */ `
    CREATE TABLE goal_activity_target (
      goal_id       INTEGER PRIMARY KEY REFERENCES goal(id) ON DELETE CASCADE,
      target_count  INTEGER NOT NULL CHECK (target_count BETWEEN 1 AND 100000),
      kinds         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(kinds) AND json_type(kinds) = 'array'),
      state         TEXT CHECK (state IN ('open','merged','closed')),
      repo          TEXT CHECK (repo IS NULL OR length(repo) BETWEEN 1 AND 200),
      skill_id      TEXT,
      from_date     TEXT,
      to_date       TEXT,
      CHECK (from_date IS NULL OR to_date IS NULL OR from_date <= to_date)
    ) STRICT;
  `,
}
