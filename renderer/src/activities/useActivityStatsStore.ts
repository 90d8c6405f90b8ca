import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppError } from '@shared/contract'
import type { ActivityStats } from '@shared/domain/activities'
import { api } from '../api/client'

/** The insights: one aggregate call, made again only when the log changed since it was read. */
export const useActivityStatsStore = defineStore('activityStats', () => {
  const stats = ref<ActivityStats | null>(null)
  const loadError = ref<AppError | null>(null)
  let asked = -1

  /** `revision` is the log's change counter (useActivitiesStore().revision). */
  async function load(revision: number) {
    if (asked === revision && (stats.value || loadError.value === null)) return
    asked = revision
    const result = await api.activities.stats({})
    // A newer request has been made meanwhile: its answer wins.
    if (asked !== revision) return
    if (result.ok) {
      stats.value = result.value
      loadError.value = null
    } else loadError.value = result.error
  }

  return { stats, loadError, load }
})
