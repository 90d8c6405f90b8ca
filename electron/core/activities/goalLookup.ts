import type { Db } from '../store/database'

/** Whether a goal exists: an activity may name only a goal that does (checked before the write, to say so in words). */
export function createGoalLookup(db: Db): (id: number) => boolean {
  const stmt = db.prepare<[number], { id: number }>('SELECT id FROM goal WHERE id = ?')
  return (id) => stmt.get(id) !== undefined
}
