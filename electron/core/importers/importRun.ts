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

/**
 * The most a long import works before it lets the event loop answer what waits (a progress
 * poll, a cancel, the UI's other calls): a row costs from tens of microseconds to a
 * millisecond on a busy machine, so slices are measured in time, not rows.
 */
export const sliceMs = 20

/** Lets the event loop answer whatever waits before the next slice. */
export const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Calls `step` for each item, pausing whenever a slice of time is used up; a cancel is
 * noticed at every pause. `onPause` hears how many items are done, for progress.
 */
export async function inSlices<T>(items: Iterable<T>, step: (item: T) => void, options: { signal?: AbortSignal | undefined; onPause?: (done: number) => void } = {}): Promise<number> {
  let done = 0
  let sliceEnd = performance.now() + sliceMs
  for (const item of items) {
    step(item)
    done += 1
    if (performance.now() >= sliceEnd) {
      options.onPause?.(done)
      await pause()
      throwIfCancelled(options.signal)
      sliceEnd = performance.now() + sliceMs
    }
  }
  options.onPause?.(done)
  return done
}
