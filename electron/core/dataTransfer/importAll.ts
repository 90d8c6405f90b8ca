import { z } from 'zod'
import type Database from 'better-sqlite3'
import { exportFormat, type ExportCell, type ExportDocument, type ExportRow } from '@shared/domain/dataTransfer'
import { DomainError } from '../ipc/domainError'
import { unstorableTextReason } from '../ipc/nulCharacters'
import { latestVersion, type Db, type OpenSqlite } from '../store/database'
import { applyMigrations } from '../store/migrate'
import { migrations as allMigrations, type Migration } from '../store/migrations'
import { userTablesAt } from '../store/userTables'
import { sequencesKey } from './exportAll'
import { rowProblem } from './rowRules'
import { quoteId, readRows, readSequences, tableColumns, tableExists } from './tableRows'

/** Longer than any note the app lets anyone write (20,000), far shorter than a hostile blob. */
const maxCellLength = 1_000_000
const maxRowsPerTable = 1_000_000
/** document > data > table > row > cell: anything deeper is not an export. */
const maxDepth = 6
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype'])

const refuse = (message: string): DomainError => new DomainError('invalid-input', `${message} Nothing was imported.`)

const cellText = z
  .string()
  .max(maxCellLength, `Text longer than ${maxCellLength.toLocaleString('en')} characters`)
  .superRefine((text, ctx) => {
    const reason = unstorableTextReason(text)
    if (reason) ctx.addIssue({ code: 'custom', message: reason })
  })
const cell = z.union([cellText, z.number(), z.null()], {
  error: 'Expected text, a number or null',
})
const row = z.record(z.string().max(64, 'Field name too long'), cell)
const documentSchema = z.strictObject({
  format: z.literal(exportFormat),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string().max(64),
  data: z.record(z.string().max(64, 'Table name too long'), z.array(row).max(maxRowsPerTable, 'Too many rows')),
})
const sequenceRow = z.strictObject({ name: z.string(), seq: z.number().int().min(0) })

const where = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '')

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw refuse(`The file is not complete JSON (${detail.slice(0, 160)}); it may have been cut short or is not an export.`)
  }
}

/**
 * Walks the parsed value without recursion, before any schema sees it: keys that would
 * reach an object's prototype if copied carelessly are refused by name, and so is nesting
 * no export has.
 */
function assertPlainShape(value: unknown): void {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { value: current, path } = top
    if (typeof current !== 'object' || current === null) continue
    if (path.length >= maxDepth) throw refuse(`The file is nested deeper than an export ever is (at ${where(path)}).`)
    const entries: [PropertyKey, unknown][] = Array.isArray(current) ? current.map((v, i) => [i, v]) : Object.entries(current)
    for (const [key, child] of entries) {
      if (typeof key === 'string' && forbiddenKeys.has(key)) {
        throw refuse(`The file has a field named "${key}"${path.length ? ` at ${where(path)}` : ''}, which no export has.`)
      }
      stack.push({ value: child, path: [...path, key] })
    }
  }
}

/** Structure, version and table set, each refused with a message naming what is wrong. */
export function validateExport(json: string, migrations: readonly Migration[] = allMigrations): ExportDocument {
  const raw = parseJson(json)
  assertPlainShape(raw)
  const head = z.object({ format: z.literal(exportFormat) }).safeParse(raw)
  if (!head.success) throw refuse('This is not a Pathfinder export file (it lacks "format": "pathfinder-export").')
  const version = z.object({ schemaVersion: z.number().int().min(1) }).safeParse(raw)
  if (!version.success) throw refuse('The file does not say which format version it has ("schemaVersion").')
  const latest = latestVersion(migrations)
  if (version.data.schemaVersion > latest) {
    throw refuse(
      `The file was exported by a newer version of Pathfinder (format ${version.data.schemaVersion}; this app reads up to ${latest}). Update the app to import it.`,
    )
  }
  const parsed = documentSchema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue) => `${where(issue.path) || 'the file'}: ${issue.message}`)
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : ''
    throw refuse(`The file does not fit the export format: ${problems.join('; ')}${more}.`)
  }
  const document = parsed.data
  const expected = userTablesAt(document.schemaVersion).map((t) => t.name)
  const unknown = Object.keys(document.data).find((t) => t !== sequencesKey && !expected.includes(t))
  if (unknown !== undefined) throw refuse(`The file has a table "${unknown.slice(0, 64)}" that format ${document.schemaVersion} does not have.`)
  const missing = expected.find((t) => !(t in document.data))
  if (missing !== undefined) throw refuse(`The file has no "${missing}" table; it may be incomplete.`)
  for (const [index, entry] of (document.data[sequencesKey] ?? []).entries()) {
    const seq = sequenceRow.safeParse(entry)
    if (!seq.success || !expected.includes(seq.data.name)) throw refuse(`Entry ${index + 1} of "${sequencesKey}" is not a counter of a known table.`)
  }
  return document
}

const sqliteMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * What a column's declared type demands. SQLite would quietly turn 42 into '42' for a TEXT
 * column; an export never holds that, so it is refused rather than imported differently.
 */
function typeProblem(type: string, value: ExportCell): string | null {
  if (value === null) return null
  if (type === 'TEXT') return typeof value === 'string' ? null : 'must be text'
  if (type === 'INTEGER' || type === 'INT') return typeof value === 'number' && Number.isSafeInteger(value) ? null : 'must be a whole number'
  if (type === 'REAL') return typeof value === 'number' ? null : 'must be a number'
  return null
}

/**
 * Inserts rows as given; each refusal names the table, the row and the reason. `fromFile`:
 * the rows are the file's own, so they are held to the contract's rules too (rowRules.ts);
 * rows staged from such a file need no second look.
 */
function insertRows(db: Db, table: string, rows: readonly ExportRow[], fromFile = false): void {
  const types = new Map(tableColumns(db, table).map((c) => [c.name, c.type]))
  const statements = new Map<string, Database.Statement<ExportCell[]>>()
  rows.forEach((row, index) => {
    const keys = Object.keys(row)
    const stray = keys.find((k) => !types.has(k))
    if (stray !== undefined) throw refuse(`Row ${index + 1} of "${table}" has a field "${stray.slice(0, 64)}" that table does not have.`)
    for (const key of keys) {
      const problem = typeProblem(types.get(key) ?? '', row[key] ?? null)
      if (problem) throw refuse(`Row ${index + 1} of "${table}": "${key}" ${problem}.`)
    }
    const broken = fromFile ? rowProblem(table, row) : null
    if (broken) throw refuse(`Row ${index + 1} of "${table}", "${broken.column}": ${broken.message}.`)
    const signature = keys.join('\u0000')
    let statement = statements.get(signature)
    if (!statement) {
      statement = keys.length
        ? db.prepare<ExportCell[]>(`INSERT INTO ${quoteId(table)} (${keys.map(quoteId).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`)
        : db.prepare<ExportCell[]>(`INSERT INTO ${quoteId(table)} DEFAULT VALUES`)
      statements.set(signature, statement)
    }
    try {
      statement.run(...keys.map((k) => row[k] ?? null))
    } catch (error) {
      throw refuse(`Row ${index + 1} of "${table}" cannot be imported: ${sqliteMessage(error)}.`)
    }
  })
}

function writeSequences(db: Db, rows: readonly ExportRow[]): void {
  if (!tableExists(db, 'sqlite_sequence')) return
  const update = db.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?')
  const insert = db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)')
  for (const entry of rows) {
    const { name, seq } = sequenceRow.parse(entry)
    if (update.run(seq, name).changes === 0) insert.run(name, seq)
  }
}

function assertForeignKeys(db: Db): void {
  const broken = z
    .array(z.object({ table: z.string(), rowid: z.number().nullable(), parent: z.string() }))
    .parse(db.pragma('foreign_key_check'))
  const first = broken[0]
  if (first) {
    const which = first.rowid === null ? 'a row' : `the row with id ${first.rowid}`
    throw refuse(`In "${first.table}", ${which} points at a "${first.parent}" that is not in the file${broken.length > 1 ? ` (${broken.length} such rows)` : ''}.`)
  }
}

export interface StagedImport {
  tables: { name: string; rows: ExportRow[] }[]
  sequences: ExportRow[]
}

/**
 * Loads the document into a scratch in-memory database at the file's own schema version,
 * where SQLite's own constraints judge every row, then runs the app's later migrations over
 * it: an older export arrives in today's shape by the same road an older database does.
 * The live store is not touched.
 */
export function stageImport(document: ExportDocument, openSqlite: OpenSqlite, migrations: readonly Migration[] = allMigrations): StagedImport {
  const staging = openSqlite(':memory:')
  try {
    applyMigrations(staging, migrations.filter((m) => m.version <= document.schemaVersion))
    staging.pragma('foreign_keys = OFF')
    staging.transaction(() => {
      for (const table of userTablesAt(document.schemaVersion)) insertRows(staging, table.name, document.data[table.name] ?? [], true)
      writeSequences(staging, document.data[sequencesKey] ?? [])
    })()
    assertForeignKeys(staging)
    staging.pragma('foreign_keys = ON')
    applyMigrations(staging, migrations)
    const names = userTablesAt(latestVersion(migrations)).map((t) => t.name)
    return { tables: names.map((name) => ({ name, rows: readRows(staging, name) })), sequences: readSequences(staging, names) }
  } finally {
    staging.close()
  }
}

/**
 * Replaces every user table with the staged rows in one transaction: all of it lands or
 * none of it does. Foreign keys are checked at commit, so rows go in table by table.
 */
export function replaceUserTables(db: Db, staged: StagedImport): Record<string, number> {
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON')
    for (const { name } of [...staged.tables].reverse()) db.prepare(`DELETE FROM ${quoteId(name)}`).run()
    if (tableExists(db, 'sqlite_sequence')) {
      db.prepare('DELETE FROM sqlite_sequence WHERE name IN (SELECT value FROM json_each(?))').run(JSON.stringify(staged.tables.map((t) => t.name)))
    }
    for (const { name, rows } of staged.tables) insertRows(db, name, rows)
    writeSequences(db, staged.sequences)
  })()
  return Object.fromEntries(staged.tables.map((t) => [t.name, t.rows.length]))
}
