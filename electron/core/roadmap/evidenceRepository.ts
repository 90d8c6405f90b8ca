import type { ItemEvidence } from '@shared/domain/roadmap'
import type { Db } from '../store/database'

interface EvidenceRow {
  id: number
  item_id: string
  url: string | null
  activity_id: number | null
  note: string | null
  created_at: string
}

const toEvidence = (r: EvidenceRow): ItemEvidence => ({
  id: r.id,
  itemId: r.item_id,
  url: r.url,
  activityId: r.activity_id,
  note: r.note,
  createdAt: r.created_at,
})

export function createEvidenceRepository(db: Db) {
  const insert = db.prepare<[string, string, string | null, string]>('INSERT INTO item_evidence (item_id, url, note, created_at) VALUES (?, ?, ?, ?)')
  const byId = db.prepare<[number], EvidenceRow>('SELECT * FROM item_evidence WHERE id = ?')
  const byItem = db.prepare<[string], EvidenceRow>('SELECT * FROM item_evidence WHERE item_id = ? ORDER BY created_at DESC, id DESC')
  const remove = db.prepare<[number]>('DELETE FROM item_evidence WHERE id = ?')
  return {
    addLink(itemId: string, url: string, note: string | null, at: Date): ItemEvidence {
      const id = Number(insert.run(itemId, url, note, at.toISOString()).lastInsertRowid)
      const row = byId.get(id)
      if (!row) throw new Error(`Evidence ${id} vanished right after it was written`)
      return toEvidence(row)
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
  }
}
