import { ref } from 'vue'
import type { Activity } from '@shared/domain/activities'
import { api } from '../api/client'

const shown = 5

/**
 * The wins worth seeing on the first screen: merged pull requests, certifications and talks,
 * newest first. Two pages of the ordinary list (its state filter would drop the kinds that
 * have no state), each stopping after a handful of rows.
 */
export function useRecentWins() {
  const wins = ref<Activity[]>([])
  let asked = 0

  async function load() {
    const mine = ++asked
    const [merged, others] = await Promise.all([
      api.activities.list({ kinds: ['pull-request'], state: 'merged', limit: shown }),
      api.activities.list({ kinds: ['certification', 'talk'], limit: shown }),
    ])
    if (mine !== asked) return
    const rows = [...(merged.ok ? merged.value.rows : []), ...(others.ok ? others.value.rows : [])]
    wins.value = rows.sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id).slice(0, shown)
  }

  return { wins, load }
}
