import type { Db } from '../store/database'

/**
 * Whether a goal exists. Goals arrive with their own migration; until their table is there,
 * any goal id is accepted (activity.goal_id has no foreign key for the same reason).
 */
export function createGoalLookup(db: Db): (id: number) => boolean {
  const table = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'goal'").get()
  if (!table) return () => true
  const stmt = db.prepare<[number], { id: number }>('SELECT id FROM goal WHERE id = ?')
  return (id) => stmt.get(id) !== undefined
}
