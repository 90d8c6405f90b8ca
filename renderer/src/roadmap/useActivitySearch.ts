import { onBeforeUnmount, onMounted, ref, watch } from 'vue'
import type { Activity } from '@shared/domain/activities'
import { api } from '../api/client'

/** Enough to find one by sight; the log can hold 100,000, so more words narrow it instead. */
const pageSize = 20
/** Typing pauses this long before a search, so a word is one request, not one per letter. */
const pauseMs = 200

/**
 * One short page of the user's activities, newest first, found by the log's full-text
 * search (or the latest ones while nothing is typed). An answer to an older query than the
 * latest one is dropped.
 */
export function useActivitySearch() {
  const query = ref('')
  const rows = ref<Activity[]>([])
  const total = ref(0)
  const totalExact = ref(true)
  const searching = ref(false)
  const failure = ref('')
  let ticket = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function search(text: string) {
    const mine = ++ticket
    searching.value = true
    const trimmed = text.trim().slice(0, 200)
    const result = await api.activities.list({ limit: pageSize, sort: 'date-desc', ...(trimmed ? { search: trimmed } : {}) })
    if (mine !== ticket) return
    searching.value = false
    if (!result.ok) {
      failure.value = result.error.message
      rows.value = []
      return
    }
    failure.value = ''
    rows.value = result.value.rows
    total.value = result.value.total
    totalExact.value = result.value.totalExact
  }

  watch(query, (text) => {
    clearTimeout(timer)
    timer = setTimeout(() => void search(text), pauseMs)
  })
  onMounted(() => void search(''))
  onBeforeUnmount(() => clearTimeout(timer))

  return { query, rows, total, totalExact, searching, failure }
}
