import type { FieldIssue } from '@shared/contract'
import { activityDraft } from '@shared/contract/activities'
import { activityKindLabels, type ActivityKind, type ImportIssue } from '@shared/domain/activities'
import { activityKindSchema } from '@shared/domain/careerPath'
import type { ImportedFields } from '../../activities/activityRow'
import { activityIssues, type RuleDeps } from '../../activities/activityRules'
import { draftFields } from '../../activities/activityFields'
import { describeIssues } from '../../ipc/describeIssues'
import { columnOf, requiredColumns, splitSkills, starredCell, type CsvColumn } from './csvColumns'
import { csvRecords, type CsvParse, type CsvRecord } from '../../csv/csvText'
import { undoDefuse } from '../../csv/formulaCells'
import { inSlices } from '../importRun'

export interface CsvRow {
  line: number
  fields: ImportedFields
}

export interface CsvRead {
  rows: CsvRow[]
  /** Data records read, good or bad. */
  records: number
  errors: ImportIssue[]
  /** True when the file as a whole is unusable (bad header, broken quoting): no line can be skipped past it. */
  fatal: boolean
}

/** "Pull request", "pull-request" and "PULL REQUEST" all name the same kind. */
const kindByName = new Map<string, ActivityKind>()
for (const kind of activityKindSchema.options) {
  kindByName.set(kind, kind)
  kindByName.set(activityKindLabels[kind].one.toLowerCase(), kind)
  kindByName.set(activityKindLabels[kind].many.toLowerCase(), kind)
}

const labels: Record<string, CsvColumn> = { skillIds: 'skills', goalId: 'goal_id' }
const columnLabel = (path: string): string => labels[path.split('.')[0] ?? ''] ?? path.split('.')[0] ?? ''

const numberCell = (cell: string): number | string | null => {
  const trimmed = cell.trim()
  if (trimmed === '') return null
  // Only plain numbers: "1e3", "0x10" or "12h" are typos, not hours.
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed
}

const countCell = (cell: string | undefined): number | null => {
  const trimmed = (cell ?? '').trim()
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null
}

/** parseCsv with pauses: 100,000 rows take a few hundred milliseconds. */
async function parseInChunks(text: string, signal: AbortSignal | undefined): Promise<CsvParse> {
  const records: CsvRecord[] = []
  const reading = csvRecords(text)
  let error: CsvParse['error'] = null
  const all = {
    *[Symbol.iterator]() {
      error = yield* reading
    },
  }
  await inSlices(all, (record: CsvRecord) => records.push(record), { signal })
  return { records, error }
}

export interface CsvReading {
  signal?: AbortSignal | undefined
  /** Records checked so far, after each chunk. */
  onRecords?: (done: number, total: number) => void
}

/**
 * Reads a CSV file into activities, checking every row with the same rules as the form and
 * collecting every problem with its line, so a person can fix the whole file in one pass.
 * Pauses between chunks of records, so a long file does not hold up other calls.
 */
export async function readCsv(text: string, deps: RuleDeps, reading: CsvReading = {}): Promise<CsvRead> {
  const parsed = await parseInChunks(text, reading.signal)
  const [header, ...records] = parsed.records
  const errors: ImportIssue[] = []
  const fail = (line: number, message: string): CsvRead => ({ rows: [], records: records.length, errors: [...errors, { line, message }], fatal: true })
  if (!header) return fail(1, 'The file is empty; the first line must be the header (date,kind,title,...)')

  const columns: (CsvColumn | null)[] = header.cells.map(columnOf)
  const unknown = header.cells.filter((_, i) => columns[i] === null)
  if (unknown.length > 0) return fail(header.line, `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u.trim()}"`).join(', ')} in the header`)
  const duplicate = columns.find((c, i) => c !== null && columns.indexOf(c) !== i)
  if (duplicate) return fail(header.line, `The column "${duplicate}" appears twice in the header`)
  const missing = requiredColumns.filter((c) => !columns.includes(c))
  if (missing.length > 0) return fail(header.line, `The header needs the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)

  // A file names the same few skills on thousands of rows: each list is looked up once.
  const unknownSkills = new Map<string, string[]>()
  const rules: RuleDeps = {
    ...deps,
    unknownSkills(ids) {
      const key = ids.join('\n')
      const known = unknownSkills.get(key) ?? deps.unknownSkills(ids)
      unknownSkills.set(key, known)
      return known
    },
  }
  const rows: CsvRow[] = []
  const checkRecord = (record: CsvRecord): void => {
    if (record.cells.length > columns.length) {
      errors.push({ line: record.line, message: `${record.cells.length} values but the header has ${columns.length} columns (a comma inside a value needs quotes)` })
      return
    }
    const cell = new Map<CsvColumn, string>()
    columns.forEach((column, i) => {
      if (column) cell.set(column, undoDefuse(record.cells[i] ?? ''))
    })
    const get = (column: CsvColumn): string => cell.get(column) ?? ''
    const goal = numberCell(get('goal_id'))
    const starred = starredCell(get('starred'))
    const draft = {
      kind: kindByName.get(get('kind').trim().toLowerCase()) ?? get('kind').trim(),
      date: get('date').trim(),
      title: get('title'),
      url: get('url'),
      repo: get('repo'),
      state: get('state').trim().toLowerCase(),
      hours: numberCell(get('hours')),
      notes: get('notes'),
      impact: get('impact'),
      starred: starred ?? false,
      goalId: goal,
      skillIds: splitSkills(get('skills')),
    }
    const checked = activityDraft.safeParse(draft)
    const issues: FieldIssue[] = checked.success ? [] : describeIssues(checked.error).issues
    const commitCount = countCell(cell.get('commit_count'))
    const linesChanged = countCell(cell.get('lines_changed'))
    const key = get('key').trim()
    if (key.length > 300) issues.push({ path: 'key', message: 'Keep the key under 300 characters' })
    if (starred === null) issues.push({ path: 'starred', message: `"${get('starred').trim()}" is not a star: write yes, or leave it empty` })
    if (checked.success) {
      const fields = draftFields(checked.data)
      issues.push(...activityIssues(fields, rules))
      if (issues.length === 0) {
        rows.push({
          line: record.line,
          fields: { ...fields, source: 'csv', externalKey: key === '' ? null : key, commitCount, linesChanged },
        })
        return
      }
    }
    for (const issue of issues) errors.push({ line: record.line, message: `${columnLabel(issue.path)}: ${issue.message}` })
  }
  await inSlices(records, checkRecord, { signal: reading.signal, onPause: (done) => reading.onRecords?.(done, records.length) })
  if (parsed.error) return { rows: [], records: records.length, errors: [...errors, parsed.error], fatal: true }
  return { rows, records: records.length, errors, fatal: false }
}
