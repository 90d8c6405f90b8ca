import type { ImportProgress } from '@shared/domain/activities'

/**
 * Running imports by the id their caller chose: the latest progress to poll, and the
 * AbortController a cancel pulls. A finished import's last progress is kept for a while so a
 * poll that comes just after the end still sees "done".
 */
export function createImportRegistry(keep = 50) {
  const runs = new Map<string, { progress: ImportProgress; controller: AbortController }>()

  const forget = () => {
    for (const [id, run] of runs) {
      if (runs.size <= keep) break
      if (run.progress.finished) runs.delete(id)
    }
  }

  return {
    start(importId: string | undefined): { signal: AbortSignal; onProgress: (done: number, total: number, message: string) => void; finish: () => void } {
      const controller = new AbortController()
      if (importId === undefined) return { signal: controller.signal, onProgress: () => {}, finish: () => {} }
      runs.get(importId)?.controller.abort()
      const run = { progress: { importId, done: 0, total: 0, message: 'Starting', finished: false }, controller }
      runs.set(importId, run)
      forget()
      return {
        signal: controller.signal,
        onProgress: (done, total, message) => {
          run.progress = { importId, done, total, message, finished: false }
        },
        finish: () => {
          run.progress = { ...run.progress, finished: true }
        },
      }
    },
    progress(importId: string): ImportProgress | null {
      return runs.get(importId)?.progress ?? null
    },
    cancel(importId: string): boolean {
      const run = runs.get(importId)
      if (!run || run.progress.finished) return false
      run.controller.abort()
      return true
    },
  }
}

export type ImportRegistry = ReturnType<typeof createImportRegistry>
