import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs'
import { z } from 'zod'
import type Database from 'better-sqlite3'
import { exportFormat, type ExportCell, type ExportDocument, type ExportRow } from '@shared/domain/dataTransfer'
import { DomainError } from '../ipc/domainError'
import { unstorableTextReason } from '../ipc/nulCharacters'
import { databasePath, latestVersion, type Db, type OpenSqlite } from '../store/database'
import { applyMigrations } from '../store/migrate'
import { migrations as allMigrations, type Migration } from '../store/migrations'
import { userTablesAt } from '../store/userTables'
import { sequencesKey } from './exportAll'
import { reachProblem, rowProblem } from './rowRules'
import { quoteId, tableColumns, tableExists } from './tableRows'
import { refusalInWords } from '../store/refusalInWords'

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
/**
 * The document's frame; its rows are checked one by one (rowProblems), so that zod's copy of
 * each is dropped at once instead of a second copy of every row being held (some 200 MB at
 * ten years of data).
 */
const documentSchema = z.strictObject({
  format: z.literal(exportFormat),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string().max(64),
  data: z.record(z.string().max(64, 'Table name too long'), z.array(z.unknown()).max(maxRowsPerTable, 'Too many rows')),
})
const sequenceRow = z.strictObject({ name: z.string(), seq: z.number().int().min(0) })

const isExportRow = (value: unknown): value is ExportRow => row.safeParse(value).success

/** The rows as they are, each checked once; the problems with their place in the file, as zod would report them for the whole document. */
function checkRows(data: Record<string, unknown[]>): { rows: Record<string, ExportRow[]>; issues: z.core.$ZodIssue[] } {
  const rows: Record<string, ExportRow[]> = {}
  const issues: z.core.$ZodIssue[] = []
  for (const [table, entries] of Object.entries(data)) {
    const checked: ExportRow[] = (rows[table] = [])
    entries.forEach((entry, index) => {
      if (isExportRow(entry)) checked.push(entry)
      else for (const issue of row.safeParse(entry).error?.issues ?? []) issues.push({ ...issue, path: ['data', table, index, ...issue.path] })
    })
  }
  return { rows, issues }
}

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
  const checked = parsed.success ? checkRows(parsed.data.data) : { rows: {}, issues: parsed.error.issues }
  if (!parsed.success || checked.issues.length > 0) {
    const { issues } = checked
    const problems = issues.slice(0, 3).map((issue) => `${where(issue.path) || 'the file'}: ${issue.message}`)
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
    throw refuse(`The file does not fit the export format: ${problems.join('; ')}${more}.`)
  }
  const document: ExportDocument = { ...parsed.data, data: checked.rows }
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
      throw refuse(`Row ${index + 1} of "${table}" cannot be imported: ${refusalInWords(error)}.`)
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

/** Where an import is staged: beside the live database, so putting it in place is a rename on the same disk. */
export const importStagingPath = (dataDir: string): string => `${databasePath(dataDir)}.importing`

const removeStaging = (file: string): void => {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
}

/**
 * Builds the imported store in a file of its own at the document's schema version, where
 * SQLite's own constraints judge every row, then runs the app's later migrations over it: an
 * older export arrives in today's shape by the same road an older database does. The live
 * store is not touched; the caller puts the file in its place (as a restore does), so the
 * rows are written once, by SQLite, and never held a second time in memory. On any failure
 * the file is removed. Returns the rows per table.
 */
export function stageImport(document: ExportDocument, file: string, openSqlite: OpenSqlite, migrations: readonly Migration[] = allMigrations): Record<string, number> {
  removeStaging(file)
  const staging = openSqlite(file)
  try {
    // A scratch file until it is complete: no journal on disk and no syncs while it is built,
    // one fsync once it is closed.
    staging.pragma('journal_mode = MEMORY')
    staging.pragma('synchronous = OFF')
    applyMigrations(staging, migrations.filter((m) => m.version <= document.schemaVersion))
    staging.pragma('foreign_keys = OFF')
    staging.transaction(() => {
      for (const table of userTablesAt(document.schemaVersion)) insertRows(staging, table.name, document.data[table.name] ?? [], true)
      writeSequences(staging, document.data[sequencesKey] ?? [])
    })()
    assertForeignKeys(staging)
    const far = reachProblem(document.data)
    if (far) throw refuse(`${far}.`)
    staging.pragma('foreign_keys = ON')
    applyMigrations(staging, migrations)
    const names = userTablesAt(latestVersion(migrations)).map((t) => t.name)
    const counts = Object.fromEntries(names.map((name) => [name, Number(staging.prepare(`SELECT count(*) FROM ${quoteId(name)}`).pluck().get())]))
    staging.close()
    const fd = openSync(file, 'r+')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    return counts
  } catch (error) {
    if (staging.open) staging.close()
    removeStaging(file)
    throw error
  }
}
