import type { ActivityKind } from '@shared/domain/activities'
import type { ItemEvidence } from '@shared/domain/roadmap'
import type { Db } from '../store/database'

/** An evidence row with the columns of its activity, when it has one (LEFT JOIN: null otherwise). */
interface EvidenceRow {
  id: number
  item_id: string
  url: string | null
  activity_id: number | null
  note: string | null
  created_at: string
  activity_title: string | null
  activity_date: string | null
  activity_kind: ActivityKind | null
  activity_url: string | null
}

const toEvidence = (r: EvidenceRow): ItemEvidence => ({
  id: r.id,
  itemId: r.item_id,
  url: r.url,
  activityId: r.activity_id,
  activity:
    r.activity_id !== null && r.activity_title !== null && r.activity_date !== null && r.activity_kind !== null
      ? { id: r.activity_id, title: r.activity_title, date: r.activity_date, kind: r.activity_kind, url: r.activity_url }
      : null,
  note: r.note,
  createdAt: r.created_at,
})

const selectWithActivity = `
  SELECT e.*, a.title AS activity_title, a.date AS activity_date, a.kind AS activity_kind, a.url AS activity_url
  FROM item_evidence e LEFT JOIN activity a ON a.id = e.activity_id`

export function createEvidenceRepository(db: Db) {
  const insert = db.prepare<[string, string | null, number | null, string | null, string]>(
    'INSERT INTO item_evidence (item_id, url, activity_id, note, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const byId = db.prepare<[number], EvidenceRow>(`${selectWithActivity} WHERE e.id = ?`)
  // An activity in the bin hides its evidence; undoing the removal shows it again.
  const byItem = db.prepare<[string], EvidenceRow>(
    `${selectWithActivity} WHERE e.item_id = ? AND (e.activity_id IS NULL OR a.deleted_at IS NULL) ORDER BY e.created_at DESC, e.id DESC`,
  )
  const attached = db.prepare<[number, string], { id: number }>('SELECT id FROM item_evidence WHERE activity_id = ? AND item_id = ? LIMIT 1')
  const liveActivity = db.prepare<[number], { title: string }>('SELECT title FROM activity WHERE id = ? AND deleted_at IS NULL')
  const remove = db.prepare<[number]>('DELETE FROM item_evidence WHERE id = ?')
  const forgetRemoved = db.prepare('DELETE FROM item_evidence WHERE activity_id IN (SELECT id FROM activity WHERE deleted_at IS NOT NULL)')

  const add = (itemId: string, url: string | null, activityId: number | null, note: string | null, at: Date): ItemEvidence => {
    const id = Number(insert.run(itemId, url, activityId, note, at.toISOString()).lastInsertRowid)
    const row = byId.get(id)
    if (!row) throw new Error(`Evidence ${id} vanished right after it was written`)
    return toEvidence(row)
  }

  return {
    addLink: (itemId: string, url: string, note: string | null, at: Date): ItemEvidence => add(itemId, url, null, note, at),
    addActivity: (itemId: string, activityId: number, note: string | null, at: Date): ItemEvidence => add(itemId, null, activityId, note, at),
    /** The title of a logged activity that is not in the bin. */
    activityTitle(activityId: number): string | undefined {
      return liveActivity.get(activityId)?.title
    },
    isAttached(itemId: string, activityId: number): boolean {
      return attached.get(activityId, itemId) !== undefined
    },
    get(id: number): ItemEvidence | undefined {
      const row = byId.get(id)
      return row ? toEvidence(row) : undefined
    },
    forItem(itemId: string): ItemEvidence[] {
      return byItem.all(itemId).map(toEvidence)
    },
    remove(id: number): void {
      remove.run(id)
    },
    /**
     * Undo of an activity's removal lasts a session. The bin's manual activities are purged
     * (their evidence goes by cascade), but imported ones stay as tombstones so a re-import
     * skips them: their evidence is dropped here, at the same moment, instead of lingering unseen.
     */
    forgetRemovedActivities(): number {
      return forgetRemoved.run().changes
    },
  }
}
