import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppError } from '@shared/contract'
import type { ProgressSummary } from '@shared/domain/progress'
import { api } from '../api/client'
import { useRemoteChangesStore } from '../sync/useRemoteChangesStore'

export const useProgressStore = defineStore('progress', () => {
  const summary = ref<ProgressSummary | null>(null)
  const loadError = ref<AppError | null>(null)
  let latest = 0

  async function load() {
    // Only the newest answer counts, so a slow early reload cannot paint over a later one.
    const ticket = ++latest
    const result = await api.progress.summary({})
    if (ticket !== latest) return
    if (result.ok) {
      summary.value = result.value
      loadError.value = null
    } else loadError.value = result.error
  }
  useRemoteChangesStore().onRemoteChange(() => (summary.value ? load() : undefined))

  return { summary, loadError, load }
})
