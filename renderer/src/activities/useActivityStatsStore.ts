import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppError } from '@shared/contract'
import type { ActivityStats } from '@shared/domain/activities'
import { api } from '../api/client'
import { useRemoteChangesStore } from '../sync/useRemoteChangesStore'

/** The insights: one aggregate call, made again only when the log changed since it was read. */
export const useActivityStatsStore = defineStore('activityStats', () => {
  const stats = ref<ActivityStats | null>(null)
  const loadError = ref<AppError | null>(null)
  let asked = -1

  /** `revision` is the log's change counter (useActivitiesStore().revision). */
  async function load(revision: number) {
    if (asked === revision && (stats.value || loadError.value === null)) return
    await read(revision)
  }

  async function read(revision: number) {
    asked = revision
    const result = await api.activities.stats({})
    // A newer request has been made meanwhile: its answer wins.
    if (asked !== revision) return
    if (result.ok) {
      stats.value = result.value
      loadError.value = null
    } else loadError.value = result.error
  }

  // Another machine's activities change the figures under the same log revision: read them again.
  useRemoteChangesStore().onRemoteChange(() => (stats.value ? read(asked) : undefined))

  return { stats, loadError, load }
})
