import type Database from 'better-sqlite3'
import { DomainError } from '../ipc/domainError'
import type { Migration } from './migrations/types'

export const userVersion = (db: Database.Database): number => Number(db.pragma('user_version', { simple: true }))

/** Throws when the file was written by a newer app: we never migrate down. */
export function assertNotFromTheFuture(db: Database.Database, migrations: readonly Migration[]): void {
  const current = userVersion(db)
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) {
    throw new DomainError(
      'conflict',
      `This data was written by a newer version of Pathfinder (format ${current}; this app knows up to ${latest}). Update the app to open it; nothing was changed.`,
    )
  }
}

export const pendingMigrations = (db: Database.Database, migrations: readonly Migration[]): Migration[] =>
  migrations.filter((m) => m.version > userVersion(db))

/** Each migration and its user_version bump commit together or not at all. */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[]): number {
  const pending = pendingMigrations(db, migrations)
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql)
      migration.data?.(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return pending.length
}

/** A check pragma's report as one readable line. */
export const checkSummary = (report: unknown): string =>
  String(report)
    .replace(/\*\*\* in database \w+ \*\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
