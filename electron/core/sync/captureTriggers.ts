import type { Db } from '../store/database'
import { syncTables, type SyncTable } from './syncTables'

/**
 * The hook at the write path. While sync is on, every insert, update and delete of a synced
 * table notes the row in sync_outbox inside the write's own transaction, whichever handler
 * made it; after the call the engine carries the noted rows into the documents. A deleted
 * row's key is read here, before its mapping goes, so the deletion can be told to the other
 * devices. Installed when sync is turned on and dropped when it is turned off, so with sync
 * off no write pays for it.
 */
const localIdOf = (table: SyncTable, row: 'new' | 'old'): string =>
  table.identity === 'natural' ? `json_array(${table.pk.map((c) => `${row}.${c}`).join(', ')})` : `CAST(${row}.id AS TEXT)`

const keyOf = (refTable: string, expr: string): string => `(SELECT key FROM sync_key WHERE tbl = '${refTable}' AND local_id = CAST(${expr} AS TEXT))`

function goneKey(table: SyncTable): string {
  if (table.identity !== 'natural') return keyOf(table.name, 'old.id')
  return `json_array(${table.pk.map((c) => (table.refs[c] ? keyOf(table.refs[c], `old.${c}`) : `old.${c}`)).join(', ')})`
}

function goneDoc(table: SyncTable): string {
  if (table.identity !== 'natural') return `(SELECT doc_id FROM sync_key WHERE tbl = '${table.name}' AND local_id = CAST(old.id AS TEXT))`
  const parent = Object.entries(table.refs).find(([, target]) => target === 'activity')
  if (table.doc === 'activity' && parent) return `(SELECT doc_id FROM sync_key WHERE tbl = 'activity' AND local_id = CAST(old.${parent[0]} AS TEXT))`
  return `'plan'`
}

const triggerName = (table: SyncTable, what: string): string => `sync_capture_${table.name}_${what}`

function triggersFor(table: SyncTable): string {
  const forget = table.identity === 'natural' ? '' : `DELETE FROM sync_key WHERE tbl = '${table.name}' AND local_id = CAST(old.id AS TEXT);`
  return /* sql */ `
    CREATE TRIGGER ${triggerName(table, 'insert')} AFTER INSERT ON ${table.name} BEGIN
      INSERT INTO sync_outbox (tbl, local_id) VALUES ('${table.name}', ${localIdOf(table, 'new')});
    END;
    CREATE TRIGGER ${triggerName(table, 'update')} AFTER UPDATE ON ${table.name} BEGIN
      INSERT INTO sync_outbox (tbl, local_id) VALUES ('${table.name}', ${localIdOf(table, 'new')});
    END;
    CREATE TRIGGER ${triggerName(table, 'delete')} AFTER DELETE ON ${table.name} BEGIN
      INSERT INTO sync_outbox (tbl, local_id, gone_key, gone_doc) VALUES ('${table.name}', ${localIdOf(table, 'old')}, ${goneKey(table)}, ${goneDoc(table)});
      ${forget}
    END;`
}

export function installCapture(db: Db): void {
  removeCapture(db)
  db.exec(syncTables.map(triggersFor).join('\n'))
}

export function removeCapture(db: Db): void {
  for (const table of syncTables) for (const what of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS ${triggerName(table, what)}`)
}

export const captureInstalled = (db: Db): boolean =>
  db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sync_capture_%' LIMIT 1").get() !== undefined

/** Notes every synced row, as if each had just been written: how a store with data joins. */
export function captureEverything(db: Db): void {
  for (const table of syncTables) {
    db.prepare(`INSERT INTO sync_outbox (tbl, local_id) SELECT '${table.name}', ${localIdOf(table, 'new').replaceAll('new.', '')} FROM ${table.name} ${byMonth(table)}`).run()
  }
}

/**
 * Activity rows noted month by month: the engine drains the outbox in pages with a few
 * months loaded, and rows in id order (an import's, a generator's) would load every month
 * again for each page.
 */
function byMonth(table: SyncTable): string {
  if (table.doc !== 'activity') return ''
  if (table.name === 'activity') return 'ORDER BY date'
  const parent = Object.entries(table.refs).find(([, target]) => target === 'activity')?.[0]
  return parent ? `ORDER BY (SELECT date FROM activity WHERE activity.id = ${table.name}.${parent})` : ''
}
