/**
 * Why the store could not be opened at start. Hosts catch this from `createCore` and show
 * `message` to the person, then offer what `code` allows:
 * - 'corrupt', 'unreadable', 'missing', 'emptied': restore `newestBackup` with
 *   `restoreFromBackup`, or start empty with `createCore({ ..., startFresh: true })`.
 *   'emptied': the database file is gone or empty while files beside it (its write-ahead
 *   log, a lock left by a crash) show it held data; those were moved, as they were, to
 *   `movedTo` (a folder), where they wait for the person or for someone who can help.
 * - 'newer-version': update the app (an older backup would lose their newer data).
 * - 'locked': another running Pathfinder holds the folder; focus it or close it.
 * - 'read-only', 'disk-full': the folder cannot be written; the message says what to fix.
 *   A restore or a fresh start would need to write too, so neither is offered.
 */
export const storeOpenErrorCodes = ['corrupt', 'unreadable', 'missing', 'emptied', 'newer-version', 'locked', 'read-only', 'disk-full'] as const
export type StoreOpenErrorCode = (typeof storeOpenErrorCodes)[number]

export interface LockOwner {
  pid: number
  host: string
  startedAt: string
}

export interface StoreOpenErrorDetails {
  dataDir: string
  /** The database file the app tried to open. */
  file: string
  /** Where the bad file ('corrupt') or the files found beside a vanished one ('emptied', a folder) were moved, byte for byte. */
  movedTo?: string | null
  /** File name (in backups/) of the newest backup that passes integrity_check, if any. */
  newestBackup?: string | null
  lockedBy?: LockOwner | null
}

export class StoreOpenError extends Error {
  readonly dataDir: string
  readonly file: string
  readonly movedTo: string | null
  readonly newestBackup: string | null
  readonly lockedBy: LockOwner | null

  constructor(
    readonly code: StoreOpenErrorCode,
    message: string,
    details: StoreOpenErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'StoreOpenError'
    this.dataDir = details.dataDir
    this.file = details.file
    this.movedTo = details.movedTo ?? null
    this.newestBackup = details.newestBackup ?? null
    this.lockedBy = details.lockedBy ?? null
  }

  /** Whether restoring a backup is a sensible answer to this failure. */
  get canRestore(): boolean {
    return this.newestBackup !== null && (this.code === 'corrupt' || this.code === 'unreadable' || this.code === 'missing' || this.code === 'emptied')
  }
}
