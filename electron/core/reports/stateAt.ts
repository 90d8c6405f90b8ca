import { itemStatuses, type ItemStatus, type RoadmapItem } from '@shared/domain/roadmap'
import type { HistoryRow } from './reportSources'

export interface ItemStateAt {
  status: ItemStatus
  level: number | null
}

interface FieldHistory {
  status: HistoryRow[]
  level: HistoryRow[]
}

const isStatus = (value: string | null): value is ItemStatus => itemStatuses.some((s) => s === value)
const toLevel = (value: string | null): number | null => {
  if (value === null) return null
  const n = Number(value)
  return Number.isInteger(n) ? n : null
}

/**
 * What an item's status and level were at an instant, rebuilt from the history: the value
 * the last change before it set, else the value the first change after it replaced, else
 * (never changed) the current one.
 */
export function createStateTimeline(items: readonly RoadmapItem[], history: readonly HistoryRow[]) {
  const byItem = new Map<string, FieldHistory>()
  for (const row of history) {
    const entry = byItem.get(row.item_id) ?? { status: [], level: [] }
    entry[row.field].push(row)
    byItem.set(row.item_id, entry)
  }

  const valueAt = (rows: readonly HistoryRow[], at: string): { found: boolean; value: string | null } => {
    if (rows.length === 0) return { found: false, value: null }
    let before: HistoryRow | undefined
    // Rows are oldest first; the stored instants sort as text.
    for (const row of rows) {
      if (row.at < at) before = row
      else break
    }
    return { found: true, value: before ? before.to_value : (rows[0]?.from_value ?? null) }
  }

  const stateAt = (item: RoadmapItem, at: string): ItemStateAt => {
    const h = byItem.get(item.id)
    const status = h ? valueAt(h.status, at) : { found: false, value: null }
    const level = h ? valueAt(h.level, at) : { found: false, value: null }
    return {
      status: status.found ? (isStatus(status.value) ? status.value : 'not-started') : item.status,
      level: level.found ? toLevel(level.value) : item.level,
    }
  }

  /** The last time the item became done before `at`, if it did. */
  const doneAt = (itemId: string, at: string): string | null => {
    const rows = byItem.get(itemId)?.status ?? []
    let last: string | null = null
    for (const row of rows) {
      if (row.at >= at) break
      if (row.to_value === 'done') last = row.at
    }
    return last
  }

  return {
    stateAt,
    doneAt,
    /** Every item as it stood at `at`, for the pure progress rule. */
    itemsAt(at: string): RoadmapItem[] {
      return items.map((item) => {
        const s = stateAt(item, at)
        return { ...item, status: s.status, level: s.level }
      })
    },
  }
}

export type StateTimeline = ReturnType<typeof createStateTimeline>
