import type { Migration } from './types'

/**
 * Sync's reconciliation (issue 16): `sync_state.reconcile` says the documents must be made to
 * say what SQLite says before this device syncs again, and why. It is set in the same
 * transaction that makes it due (sync turned on again over documents from before, a restore or
 * a whole-data import put another store in place) and cleared once done, so a crash or a
 * folder out of reach in between only delays it to the next start: the other machines never
 * bring back what the restore took away.
 *
 * - 'rejoined': rows deleted while sync was off are deleted in the documents as they were.
 * - 'replaced': the folder's changes are merged first, then every row the store does not
 *   hold is deleted and every field it holds otherwise is rewritten.
 */
export const syncReconcile: Migration = {
  version: 16,
  name: 'sync reconciliation due',
  sql: /* sql */ `
    ALTER TABLE sync_state ADD COLUMN reconcile TEXT CHECK (reconcile IN ('rejoined', 'replaced'));
  `,
}
