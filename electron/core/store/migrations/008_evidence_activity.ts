import type { Migration } from './types'

/**
 * Evidence can be a logged activity. Migration 002 kept a bare activity_id, as the activity
 * table did not exist yet; now it is a real reference. SQLite cannot add a foreign key to a
 * column, so the table is rebuilt with the same rows and ids.
 *
 * ON DELETE CASCADE: an activity leaves the table only when its removal can no longer be
 * undone (activitiesHandlers purges the bin at the next start), and then evidence of nothing
 * goes with it. While it sits in the bin the row stays, so undo brings the evidence back; the
 * item page leaves it out meanwhile.
 *
 * The check stays "at least one of url and activity_id": the contract takes exactly one, but
 * an older export holding both must still import without losing either.
 */
export const evidenceActivity: Migration = {
  version: 8,
  name: 'item evidence references an activity',
  sql: /* sql */ `
    CREATE TABLE item_evidence_new (
      id           INTEGER PRIMARY KEY,
      item_id      TEXT NOT NULL,
      url          TEXT,
      activity_id  INTEGER REFERENCES activity(id) ON DELETE CASCADE,
      note         TEXT,
      created_at   TEXT NOT NULL,
      CHECK (url IS NOT NULL OR activity_id IS NOT NULL)
    ) STRICT;

    -- No channel ever wrote activity_id, but an imported file could have: a reference to an
    -- activity that is not there is dropped, and so is a row left with neither link nor activity.
    INSERT INTO item_evidence_new (id, item_id, url, activity_id, note, created_at)
      SELECT e.id, e.item_id, e.url, a.id, e.note, e.created_at
      FROM item_evidence e LEFT JOIN activity a ON a.id = e.activity_id
      WHERE e.url IS NOT NULL OR a.id IS NOT NULL;

    DROP TABLE item_evidence;
    ALTER TABLE item_evidence_new RENAME TO item_evidence;
    CREATE INDEX item_evidence_item ON item_evidence(item_id, created_at);
    -- The cascade and the duplicate check look evidence up by activity.
    CREATE INDEX item_evidence_activity ON item_evidence(activity_id, item_id);
  `,
}
