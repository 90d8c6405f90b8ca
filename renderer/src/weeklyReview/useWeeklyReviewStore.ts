import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppError } from '@shared/contract'
import type { IsoDate } from '@shared/domain/dates'
import type { WeeklyReview, WeeklyReviewDraft } from '@shared/domain/weeklyReview'
import { api } from '../api/client'
import { useRemoteChangesStore } from '../sync/useRemoteChangesStore'

/** The saved reviews, and the week the dialog has open. */
export const useWeeklyReviewStore = defineStore('weeklyReview', () => {
  const reviews = ref<WeeklyReview[]>([])
  const loadError = ref<AppError | null>(null)
  const draft = ref<WeeklyReviewDraft | null>(null)
  let listed = false

  async function loadList(): Promise<void> {
    const result = await api.reviews.list(undefined)
    if (!result.ok) {
      loadError.value = result.error
      return
    }
    loadError.value = null
    reviews.value = result.value
    listed = true
  }
  // The list only: the open week's draft is the dialog's, and stays as the person left it.
  useRemoteChangesStore().onRemoteChange(() => (listed ? loadList() : undefined))

  /** Any day of the week to open; today's when absent. */
  async function openWeek(date?: IsoDate): Promise<AppError | null> {
    const result = await api.reviews.draft(date ? { date } : {})
    if (!result.ok) return result.error
    draft.value = result.value
    return null
  }

  async function save(entry: { weekStart: IsoDate; shipped: string; learned: string; next: string }) {
    const result = await api.reviews.save(entry)
    if (result.ok) {
      reviews.value = [result.value, ...reviews.value.filter((r) => r.weekStart !== result.value.weekStart)].sort((a, b) => b.weekStart.localeCompare(a.weekStart))
      if (draft.value?.weekStart === result.value.weekStart) draft.value = { ...draft.value, entry: result.value }
    }
    return result
  }

  return { reviews, loadError, draft, loadList, openWeek, save }
})
