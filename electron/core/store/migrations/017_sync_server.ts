import type { Migration } from './types'

/**
 * The optional sync server (issue 16's second transport): a self-hosted automerge-repo server
 * reached over WebSocket. One row at most. The room secret never leaves this machine: only
 * document ids derived from it (HMAC-SHA256) are sent. Like sync_state, this is this device's
 * setting, not the person's data: never exported.
 */
export const syncServer: Migration = {
  version: 17,
  name: 'sync server',
  sql: /* sql */ `
    CREATE TABLE sync_server (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      url          TEXT NOT NULL,
      room_secret  TEXT NOT NULL,
      saved_at     TEXT NOT NULL
    ) STRICT;
  `,
}
