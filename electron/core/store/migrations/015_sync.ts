import type { Migration } from './types'

/**
 * Sync's bookkeeping on this device (issue 16). None of it is the person's data: it is never
 * exported, and a store that never turns sync on keeps these tables empty. The capture
 * triggers are not created here but when sync is turned on (electron/core/sync/captureTriggers),
 * so with sync off every write costs what it cost before.
 *
 * - sync_state: this device, the folder, and the folder's key (derived from the passphrase).
 * - sync_doc: each Automerge document's heads as SQLite reflects them, so a start loads the
 *   saved document and never replays history into the tables; sent_heads are the heads
 *   already written to the folder.
 * - sync_chunk: the documents themselves, saved incrementally, in the same transaction as the
 *   rows they produced.
 * - sync_key: local integer ids to the stable keys shared between devices.
 * - sync_outbox: rows a local write touched, filled by the capture triggers in the write's own
 *   transaction, emptied into the documents after the call.
 * - sync_seen: folder files already merged.
 * - sync_notice: what the person is told: a field edited on both machines, a deletion undone
 *   because the other machine edited the row, a row that could not be applied.
 * - sync_device: the other devices seen in the folder.
 */
export const sync: Migration = {
  version: 15,
  name: 'sync bookkeeping',
  sql: /* sql */ `
    CREATE TABLE sync_state (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      device_id    TEXT NOT NULL,
      device_name  TEXT NOT NULL,
      folder       TEXT NOT NULL,
      folder_key   BLOB NOT NULL,
      enabled_at   TEXT NOT NULL,
      last_sync_at TEXT
    ) STRICT;

    CREATE TABLE sync_doc (
      doc_id      TEXT PRIMARY KEY,
      heads       TEXT NOT NULL DEFAULT '[]',
      sent_heads  TEXT NOT NULL DEFAULT '[]',
      next_file   INTEGER NOT NULL DEFAULT 1
    ) STRICT;

    CREATE TABLE sync_chunk (
      doc_id  TEXT NOT NULL,
      seq     INTEGER NOT NULL,
      bytes   BLOB NOT NULL,
      PRIMARY KEY (doc_id, seq)
    ) STRICT;

    CREATE TABLE sync_key (
      tbl       TEXT NOT NULL,
      local_id  TEXT NOT NULL,
      key       TEXT NOT NULL,
      doc_id    TEXT NOT NULL,
      PRIMARY KEY (tbl, local_id),
      UNIQUE (tbl, key)
    ) STRICT;

    CREATE TABLE sync_outbox (
      seq       INTEGER PRIMARY KEY,
      tbl       TEXT NOT NULL,
      local_id  TEXT,
      gone_key  TEXT,
      gone_doc  TEXT
    ) STRICT;

    CREATE TABLE sync_seen (
      file  TEXT PRIMARY KEY
    ) STRICT;

    CREATE TABLE sync_notice (
      id       INTEGER PRIMARY KEY,
      kind     TEXT NOT NULL CHECK (kind IN ('conflict','restored','unapplied')),
      tbl      TEXT NOT NULL,
      row_key  TEXT NOT NULL,
      doc_id   TEXT NOT NULL,
      field    TEXT NOT NULL DEFAULT '',
      kept     TEXT,
      other    TEXT,
      at       TEXT NOT NULL,
      UNIQUE (kind, tbl, row_key, field)
    ) STRICT;

    CREATE TABLE sync_device (
      device_id     TEXT PRIMARY KEY,
      name          TEXT NOT NULL,
      last_seen_at  TEXT NOT NULL
    ) STRICT;
  `,
}
