import { defineStore } from 'pinia'
import { ref } from 'vue'

export type DroppedKind = 'csv' | 'export'

/** What a file dropped on the window is, by its name and type: only what an import reads. */
export function droppedKind(file: { name: string; type: string }): DroppedKind | null {
  const name = file.name.toLowerCase()
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv'
  if (name.endsWith('.json') || file.type === 'application/json') return 'export'
  return null
}

/**
 * A file dropped on the window, waiting for the import that reads it (the CSV panel, or the
 * full import in Settings) to take it. Taken once: a later visit does not import it again.
 */
export const useDroppedFile = defineStore('droppedFile', () => {
  const pending = ref<{ kind: DroppedKind; file: File } | null>(null)

  function take(kind: DroppedKind): File | null {
    const dropped = pending.value
    if (!dropped || dropped.kind !== kind) return null
    pending.value = null
    return dropped.file
  }

  return { pending, take }
})
