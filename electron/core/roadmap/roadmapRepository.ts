import type { CareerPathSummary, ItemKind, ItemStatus, RoadmapItem, StatusChange } from '@shared/domain/roadmap'
import type { Db } from '../store/database'

interface ItemRow {
  id: string
  kind: ItemKind
  parent_id: string | null
  position: number
  title: string
  tagline: string | null
  description: string | null
  duration_months: number | null
  salary_min: number | null
  salary_max: number | null
  salary_currency: string | null
  salary_period: 'year' | 'month' | 'hour' | null
  activity_kinds: string
  status: ItemStatus | null
  level: number | null
  updated_at: string | null
  hidden: number | null
}

const toItem = (row: ItemRow): RoadmapItem => ({
  id: row.id,
  kind: row.kind,
  parentId: row.parent_id,
  position: row.position,
  title: row.title,
  tagline: row.tagline,
  description: row.description,
  durationMonths: row.duration_months,
  salary:
    row.salary_min !== null && row.salary_max !== null && row.salary_currency && row.salary_period
      ? { min: row.salary_min, max: row.salary_max, currency: row.salary_currency, period: row.salary_period }
      : null,
  activityKinds: JSON.parse(row.activity_kinds) as string[],
  status: row.status ?? 'not-started',
  level: row.level,
  statusChangedAt: row.updated_at,
  custom: false,
  hidden: row.hidden === 1,
})

/** Depth-first, siblings by position: the order a person reads the path in. */
export function inPathOrder<T extends { id: string; parentId: string | null; position: number }>(items: T[]): T[] {
  const children = new Map<string | null, T[]>()
  for (const item of items) {
    const list = children.get(item.parentId) ?? []
    list.push(item)
    children.set(item.parentId, list)
  }
  const ids = new Set(items.map((i) => i.id))
  const out: T[] = []
  const visit = (parentId: string | null) => {
    for (const child of (children.get(parentId) ?? []).sort((a, b) => a.position - b.position)) {
      out.push(child)
      visit(child.id)
    }
  }
  visit(null)
  // Orphans (a parent retired by a content update) still show, after the tree.
  for (const [parentId, list] of children) if (parentId !== null && !ids.has(parentId)) out.push(...list)
  return out
}

export function createRoadmapRepository(db: Db) {
  const pathsStmt = db.prepare<[], { id: string; title: string; version: string; summary: string | null }>(
    'SELECT id, title, version, summary FROM content_path ORDER BY title',
  )
  const itemsStmt = db.prepare<[string], ItemRow>(`
    SELECT c.*, s.status, s.level, s.updated_at, s.hidden
    FROM content_item c LEFT JOIN item_state s ON s.item_id = c.id
    WHERE c.path_id = ? AND c.retired = 0`)
  const itemStmt = db.prepare<[string], ItemRow>(`
    SELECT c.*, s.status, s.level, s.updated_at, s.hidden
    FROM content_item c LEFT JOIN item_state s ON s.item_id = c.id
    WHERE c.id = ?`)
  const stateStmt = db.prepare<[string], { status: ItemStatus; level: number | null }>('SELECT status, level FROM item_state WHERE item_id = ?')
  const upsertStatus = db.prepare(`
    INSERT INTO item_state (item_id, status, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(item_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`)
  const addHistory = db.prepare('INSERT INTO item_state_history (item_id, field, from_value, to_value, at) VALUES (?, ?, ?, ?, ?)')
  const historyStmt = db.prepare<[string], { id: number; item_id: string; field: 'status' | 'level'; from_value: string | null; to_value: string | null; at: string }>(
    'SELECT * FROM item_state_history WHERE item_id = ? ORDER BY at DESC, id DESC',
  )

  return {
    listPaths(): CareerPathSummary[] {
      return pathsStmt.all()
    },
    listItems(pathId: string): RoadmapItem[] {
      return inPathOrder(itemsStmt.all(pathId).map(toItem))
    },
    getItem(id: string): RoadmapItem | undefined {
      const row = itemStmt.get(id)
      return row ? toItem(row) : undefined
    },
    /** Records the change and its history entry together; a no-op change records nothing. */
    setStatus(itemId: string, status: ItemStatus, at: Date): void {
      db.transaction(() => {
        const before = stateStmt.get(itemId)?.status ?? 'not-started'
        if (before === status) return
        upsertStatus.run(itemId, status, at.toISOString())
        addHistory.run(itemId, 'status', before, status, at.toISOString())
      })()
    },
    history(itemId: string): StatusChange[] {
      return historyStmt.all(itemId).map((r) => ({ id: r.id, itemId: r.item_id, field: r.field, from: r.from_value, to: r.to_value, at: r.at }))
    },
  }
}

export type RoadmapRepository = ReturnType<typeof createRoadmapRepository>
