import type { Db } from '../store/database'

/** Small key/value preferences, stored as JSON text. */
export function createSettingsRepository(db: Db) {
  const select = db.prepare<[string], { value: string }>('SELECT value FROM setting WHERE key = ?')
  const upsert = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  return {
    get(key: string): unknown {
      const row = select.get(key)
      return row ? JSON.parse(row.value) : undefined
    },
    set(key: string, value: unknown): void {
      upsert.run(key, JSON.stringify(value))
    },
  }
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>
