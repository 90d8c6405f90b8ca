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
  /** Holds back every other call until `work` settles. */
  exclusive<T>(work: () => Promise<T>): Promise<T>
  /** Only inside `exclusive`. */
  replaceWith(file: string): Promise<void>
  close(): void
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

  return {
    get db() {
      return db
    },
    get channels() {
      return dispatcher.channels
    },
    async dispatch(name: string, input: unknown): Promise<Result<unknown>> {
      while (gate) await gate
      return dispatcher.dispatch(name, input)
    },
    async exclusive<T>(work: () => Promise<T>): Promise<T> {
      if (gate) throw new DomainError('conflict', 'A restore or import is already running. Wait for it to finish.')
      let finish = () => {}
      gate = new Promise<void>((resolve) => (finish = resolve))
      try {
        return await work()
      } finally {
        gate = null
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
