import type { ImportIssue, ImportSummary } from '@shared/domain/activities'
import { DomainError } from '../ipc/domainError'

/** How a caller follows and stops an import. Both are optional: a test may ignore them. */
export interface ImportRun {
  onProgress?: (done: number, total: number, message: string) => void
  signal?: AbortSignal
  /**
   * Called once the import knows it will change the store, just before it does (the handlers
   * take a backup here). Not called for an import that finds nothing new.
   */
  beforeWrite?: () => Promise<unknown>
}

export const cancelledError = (): DomainError => new DomainError('cancelled', 'The import was cancelled. Nothing was changed.')

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError()
}

export const emptySummary = (errors: ImportIssue[] = []): ImportSummary => ({ added: 0, updated: 0, skipped: 0, errors })

/** Rows handled between two pauses: tens of milliseconds of work, short enough for other calls to be answered. */
export const rowsPerChunk = 1_000

/** Lets the event loop answer whatever waits (a progress poll, a cancel) before the next chunk. */
export const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
