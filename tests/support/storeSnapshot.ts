import { createHash } from 'node:crypto'
import type { Db } from '../../electron/core/store/database'

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * A fingerprint of everything the store holds: user_version, the schema, and every row of
 * every table (content, user data, FTS shadow tables and sqlite_sequence alike), rows in a
 * total order over all their columns. Equal fingerprints mean the same data: the byte-for-
 * byte comparison of the logical database, blind only to WAL and page layout.
 */
export function snapshotStore(db: Db): string {
  const hash = createHash('sha256')
  hash.update(`user_version=${String(db.pragma('user_version', { simple: true }))}\n`)
  const schema = db.prepare<[], { type: string; name: string; sql: string | null }>('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all()
  for (const entry of schema) hash.update(`${entry.type} ${entry.name} ${entry.sql ?? ''}\n`)
  for (const { name } of schema.filter((e) => e.type === 'table' && !/^CREATE VIRTUAL/i.test(e.sql ?? ''))) {
    const columns = Number(db.prepare('SELECT count(*) FROM pragma_table_info(?)').pluck().get(name))
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ')
    hash.update(`table ${name}\n`)
    for (const row of db.prepare(`SELECT * FROM ${quote(name)} ORDER BY ${order}`).raw().all()) {
      hash.update(`${JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value))}\n`)
    }
  }
  return hash.digest('hex')
}
