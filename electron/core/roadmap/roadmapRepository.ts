import type { CareerPathSummary, ItemRef, ItemStatus, RoadmapItem, StatusChange } from '@shared/domain/roadmap'
import type { ContentItemRow } from '../content/flattenPath'
import type { Db } from '../store/database'

/** An item as the queries below read it: the columns flattenPath writes, and the person's state of it. */
interface ItemRow extends Omit<ContentItemRow, 'salary_period'> {
  salary_period: 'year' | 'month' | 'hour' | null
  retired: number
  custom: number
  status: ItemStatus | null
  level: number | null
  note: string | null
  hidden: number | null
  status_changed_at: string | null
}

const parseKinds = (json: string): string[] => {
  const value: unknown = JSON.parse(json)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
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
  activityKinds: parseKinds(row.activity_kinds),
  status: row.status ?? 'not-started',
  level: row.level,
  statusChangedAt: row.status_changed_at,
  note: row.note,
  custom: row.custom === 1,
  hidden: row.hidden === 1,
})

type Orderable = { id: string; parentId: string | null; position: number; custom?: boolean }

/** Seed items first, then the user's own, each by position. */
export const siblingOrder = (a: Orderable, b: Orderable): number =>
  Number(a.custom ?? false) - Number(b.custom ?? false) || a.position - b.position

/** Depth-first, siblings in sibling order: the order a person reads the path in. */
export function inPathOrder<T extends Orderable>(items: T[]): T[] {
  const children = new Map<string | null, T[]>()
  for (const item of items) {
    const list = children.get(item.parentId) ?? []
    list.push(item)
    children.set(item.parentId, list)
  }
  const ids = new Set(items.map((i) => i.id))
  const out: T[] = []
  const placed = new Set<string>()
  const visit = (parentId: string | null) => {
    for (const child of (children.get(parentId) ?? []).sort(siblingOrder)) {
      if (placed.has(child.id)) continue
      placed.add(child.id)
      out.push(child)
      visit(child.id)
    }
  }
  visit(null)
  // Orphans (a parent retired by a content update) still show, after the tree, with their own children.
  for (const [parentId] of children) if (parentId !== null && !ids.has(parentId)) visit(parentId)
  return out
}

const itemColumns = /* sql */ `
  n.*, s.status, s.level, s.note, s.hidden,
  (SELECT max(h.at) FROM item_state_history h WHERE h.item_id = n.id AND h.field = 'status') AS status_changed_at`

export function createRoadmapRepository(db: Db) {
  const pathsStmt = db.prepare<[], CareerPathSummary>('SELECT id, title, version, summary FROM content_path ORDER BY title')
  const itemsStmt = db.prepare<[string], ItemRow>(`
    SELECT ${itemColumns} FROM roadmap_node n LEFT JOIN item_state s ON s.item_id = n.id
    WHERE n.path_id = ? AND n.retired = 0`)
  const itemStmt = db.prepare<[string], ItemRow>(`
    SELECT ${itemColumns} FROM roadmap_node n LEFT JOIN item_state s ON s.item_id = n.id WHERE n.id = ?`)
  const childrenStmt = db.prepare<[string], ItemRow>(`
    SELECT ${itemColumns} FROM roadmap_node n LEFT JOIN item_state s ON s.item_id = n.id
    WHERE n.parent_id = ? AND n.retired = 0`)
  const refStmt = db.prepare<[string], ItemRef & { parent_id: string | null }>('SELECT id, kind, title, parent_id FROM roadmap_node WHERE id = ?')
  const stateStmt = db.prepare<[string], { status: ItemStatus; level: number | null }>('SELECT status, level FROM item_state WHERE item_id = ?')
  const upsertStatus = db.prepare(`
    INSERT INTO item_state (item_id, status, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(item_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`)
  const upsertLevel = db.prepare(`
    INSERT INTO item_state (item_id, level, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(item_id) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at`)
  const upsertNote = db.prepare(`
    INSERT INTO item_state (item_id, note, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(item_id) DO UPDATE SET note = excluded.note, updated_at = excluded.updated_at`)
  const upsertHidden = db.prepare(`
    INSERT INTO item_state (item_id, hidden, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(item_id) DO UPDATE SET hidden = excluded.hidden, updated_at = excluded.updated_at`)
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
    pathOf(id: string): string | undefined {
      return itemStmt.get(id)?.path_id
    },
    children(id: string): RoadmapItem[] {
      return childrenStmt.all(id).map(toItem).sort(siblingOrder)
    },
    /** From the root down to the item's parent. */
    ancestors(id: string): ItemRef[] {
      const out: ItemRef[] = []
      const seen = new Set<string>([id])
      for (let parent = refStmt.get(id)?.parent_id ?? null; parent !== null && !seen.has(parent); ) {
        seen.add(parent)
        const ref = refStmt.get(parent)
        if (!ref) break
        out.unshift({ id: ref.id, kind: ref.kind, title: ref.title })
        parent = ref.parent_id
      }
      return out
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
    setLevel(itemId: string, level: number | null, at: Date): void {
      db.transaction(() => {
        const before = stateStmt.get(itemId)?.level ?? null
        if (before === level) return
        upsertLevel.run(itemId, level, at.toISOString())
        addHistory.run(itemId, 'level', before === null ? null : String(before), level === null ? null : String(level), at.toISOString())
      })()
    },
    setNote(itemId: string, note: string | null, at: Date): void {
      upsertNote.run(itemId, note, at.toISOString())
    },
    setHidden(itemId: string, hidden: boolean, at: Date): void {
      upsertHidden.run(itemId, hidden ? 1 : 0, at.toISOString())
    },
    history(itemId: string): StatusChange[] {
      return historyStmt.all(itemId).map((r) => ({ id: r.id, itemId: r.item_id, field: r.field, from: r.from_value, to: r.to_value, at: r.at }))
    },
  }
}

export type RoadmapRepository = ReturnType<typeof createRoadmapRepository>
