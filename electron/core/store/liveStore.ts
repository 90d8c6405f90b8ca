import { renameSync, rmSync } from 'node:fs'
import type { Result } from '@shared/contract'
import type { Dispatcher } from '../ipc/dispatcher'
import { DomainError } from '../ipc/domainError'
import type { Db } from './database'

/**
 * The live database and the handlers built on it, as one replaceable unit. Handlers prepare
 * their statements against one connection, so a restore does not patch the connection under
 * them: it closes it, puts the restored file in place, reopens, and rebuilds every handler.
 * Whole-store operations run `exclusive`ly: calls that arrive meanwhile wait, then run on
 * whatever store the operation left, so no write slips in between its backup and its swap.
 */
export interface LiveStore extends Dispatcher {
  readonly db: Db
  /** Holds back every other call (but those named in `letThrough`) until `work` settles. */
  exclusive<T>(work: () => Promise<T>, options?: ExclusiveOptions): Promise<T>
  /** Only inside `exclusive`. */
  replaceWith(file: string): Promise<void>
  close(): void
}

export interface ExclusiveOptions {
  /**
   * Channels answered while `work` runs: a long import lets its own progress and cancel
   * through. Only channels that never touch the database belong here, since `work` may hold a
   * transaction open on it across its pauses.
   */
  letThrough?: readonly string[]
}

export function createLiveStore(options: {
  file: string
  db: Db
  reopen: (file: string) => Promise<Db>
  build: (db: Db) => Dispatcher
}): LiveStore {
  const { file, reopen, build } = options
  let db = options.db
  let dispatcher = build(db)
  let gate: Promise<void> | null = null
  let letThrough: ReadonlySet<string> = new Set()

  return {
    get db() {
      return db
    },
    get channels() {
      return dispatcher.channels
    },
    async dispatch(name: string, input: unknown): Promise<Result<unknown>> {
      while (gate && !letThrough.has(name)) await gate
      return dispatcher.dispatch(name, input)
    },
    async exclusive<T>(work: () => Promise<T>, options: ExclusiveOptions = {}): Promise<T> {
      if (gate) throw new DomainError('conflict', 'A restore or import is already running. Wait for it to finish.')
      let finish = () => {}
      gate = new Promise<void>((resolve) => (finish = resolve))
      letThrough = new Set(options.letThrough)
      try {
        return await work()
      } finally {
        gate = null
        letThrough = new Set()
        finish()
      }
    },
    async replaceWith(replacement: string) {
      if (!gate) throw new Error('replaceWith must run inside exclusive()')
      // Closing the last connection checkpoints the WAL into the file; a WAL left beside
      // the restored file would be replayed onto it, so none may remain.
      db.close()
      for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
      renameSync(replacement, file)
      try {
        db = await reopen(file)
      } catch (error) {
        throw new DomainError(
          'unavailable',
          `The backup was put in place but could not be opened (${error instanceof Error ? error.message : String(error)}). Restart Pathfinder.`,
        )
      }
      dispatcher = build(db)
    },
    close() {
      db.close()
    },
  }
}
