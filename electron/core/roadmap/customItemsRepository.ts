import type { CustomItemKind } from '@shared/domain/roadmap'
import { customIdPrefix } from '@shared/domain/roadmap'
import type { Db } from '../store/database'

export interface CustomItemFields {
  title: string
  tagline: string | null
  description: string | null
  activityKinds: readonly string[]
}

export interface CustomItemPatch {
  parentId?: string | undefined
  title?: string | undefined
  tagline?: string | null | undefined
  description?: string | null | undefined
  activityKinds?: readonly string[] | undefined
}

export function createCustomItemsRepository(db: Db) {
  const nextPosition = db.prepare<[string, string], { next: number }>(
    'SELECT coalesce(max(position) + 1, 0) AS next FROM custom_item WHERE path_id = ? AND parent_id = ?',
  )
  const insert = db.prepare(`
    INSERT INTO custom_item (id, path_id, parent_id, kind, position, title, tagline, description, activity_kinds, created_at, updated_at)
    VALUES (@id, @path_id, @parent_id, @kind, @position, @title, @tagline, @description, @activity_kinds, @at, @at)`)
  const rename = db.prepare<[string, number]>('UPDATE custom_item SET id = ? WHERE seq = ?')
  const byId = db.prepare<[string], { id: string; path_id: string; parent_id: string; kind: CustomItemKind; position: number; title: string; tagline: string | null; description: string | null; activity_kinds: string }>(
    'SELECT * FROM custom_item WHERE id = ?',
  )
  const update = db.prepare(`
    UPDATE custom_item SET parent_id = @parent_id, position = @position, title = @title, tagline = @tagline,
      description = @description, activity_kinds = @activity_kinds, updated_at = @at
    WHERE id = @id`)
  const subtree = db.prepare<[string], { id: string }>(`
    WITH RECURSIVE under(id) AS (
      SELECT id FROM custom_item WHERE id = ?
      UNION SELECT c.id FROM custom_item c JOIN under u ON c.parent_id = u.id
    ) SELECT id FROM under`)
  const forgetStatements = [
    'DELETE FROM item_state WHERE item_id IN (SELECT value FROM json_each(?))',
    'DELETE FROM item_state_history WHERE item_id IN (SELECT value FROM json_each(?))',
    'DELETE FROM item_evidence WHERE item_id IN (SELECT value FROM json_each(?))',
    'DELETE FROM goal_item WHERE item_id IN (SELECT value FROM json_each(?))',
    'DELETE FROM custom_item WHERE id IN (SELECT value FROM json_each(?))',
  ].map((sql) => db.prepare<[string]>(sql))

  return {
    isCustom(id: string): boolean {
      return byId.get(id) !== undefined
    },
    add(pathId: string, parentId: string, kind: CustomItemKind, fields: CustomItemFields, at: Date): string {
      return db.transaction(() => {
        const { next } = nextPosition.get(pathId, parentId) ?? { next: 0 }
        // The id carries the row's never-reused sequence number, known only once inserted.
        const seq = Number(
          insert.run({
            id: `${customIdPrefix}pending`,
            path_id: pathId,
            parent_id: parentId,
            kind,
            position: next,
            title: fields.title,
            tagline: fields.tagline,
            description: fields.description,
            activity_kinds: JSON.stringify(fields.activityKinds),
            at: at.toISOString(),
          }).lastInsertRowid,
        )
        const id = `${customIdPrefix}${kind}-${seq}`
        rename.run(id, seq)
        return id
      })()
    },
    update(id: string, patch: CustomItemPatch, at: Date): void {
      db.transaction(() => {
        const row = byId.get(id)
        if (!row) return
        const parentId = patch.parentId ?? row.parent_id
        const moved = parentId !== row.parent_id
        update.run({
          id,
          parent_id: parentId,
          position: moved ? (nextPosition.get(row.path_id, parentId)?.next ?? 0) : row.position,
          title: patch.title ?? row.title,
          tagline: patch.tagline === undefined ? row.tagline : patch.tagline,
          description: patch.description === undefined ? row.description : patch.description,
          activity_kinds: patch.activityKinds === undefined ? row.activity_kinds : JSON.stringify(patch.activityKinds),
          at: at.toISOString(),
        })
      })()
    },
    /** The item and every custom item under it, with all the user's data about them. */
    remove(id: string): string[] {
      return db.transaction(() => {
        const ids = subtree.all(id).map((r) => r.id)
        const json = JSON.stringify(ids)
        for (const statement of forgetStatements) statement.run(json)
        return ids
      })()
    },
  }
}

export type CustomItemsRepository = ReturnType<typeof createCustomItemsRepository>
