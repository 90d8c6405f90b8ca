import type { CsvPreview, ImportIssue, ImportSummary } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { ImportedFields } from '../../activities/activityRow'
import type { RuleDeps } from '../../activities/activityRules'
import { DomainError } from '../../ipc/domainError'
import type { Db } from '../../store/database'
import { withSourceFields } from '../importedActivity'
import type { ImportRun } from '../importRun'
import { writeImportInChunks, type ImportPolicy } from '../writeImport'
import { readCsv } from './csvRows'
import { sameActivities } from './sameActivities'

const sameFields = (a: ImportedFields, b: ImportedFields): boolean =>
  a.kind === b.kind &&
  a.date === b.date &&
  a.title === b.title &&
  a.url === b.url &&
  a.repo === b.repo &&
  a.state === b.state &&
  a.hours === b.hours &&
  a.notes === b.notes &&
  a.impact === b.impact &&
  a.goalId === b.goalId &&
  [...a.skillIds].sort().join('\n') === [...b.skillIds].sort().join('\n')

/**
 * A row with a key updates the activity with that key (so a file exported, edited in a
 * spreadsheet and imported again updates in place); a row without one is skipped when the
 * same activity (day, kind, title, repository) is already logged, so importing a file twice
 * adds nothing.
 */
const csvPolicy = (repo: ActivitiesRepository, items: readonly ImportedFields[]): ImportPolicy => {
  const same = sameActivities(repo, items)
  return {
    findUnkeyed: (incoming) => (incoming.externalKey === null && same.mayExist(incoming) ? repo.findSame(incoming) : undefined),
    written: same.written,
    merge(existing, incoming) {
      if (incoming.externalKey === null) return null
      // The activity as stored; only the fields the file can hold are compared.
      const current = withSourceFields(existing, {})
      if (sameFields(current, incoming)) return null
      return {
        ...incoming,
        // A CSV file has no star column: a re-import keeps the person's.
        starred: existing.starred,
        commitCount: incoming.commitCount ?? existing.commitCount,
        linesChanged: incoming.linesChanged ?? existing.linesChanged,
      }
    },
  }
}

export interface CsvImportOptions {
  text: string
  /** Lines (as reported) the user agreed to leave out. */
  skipLines?: readonly number[] | undefined
  rules: RuleDeps
  /**
   * Runs the store's part with every other call held back (ctx.store.exclusive): the write
   * keeps one transaction open across its pauses. Reading the file happens before, outside it.
   */
  exclusively?: <T>(work: () => Promise<T>) => Promise<T>
}

const alone = <T>(work: () => Promise<T>): Promise<T> => work()

/** The share of the progress bar each step gets: reading the file, then checking (a preview) or writing. */
const progressOf = (run: ImportRun, records: number) => ({
  reading: (done: number) => run.onProgress?.(done, records * 2, 'Reading the CSV file'),
  checking: (done: number) => run.onProgress?.(records + done, records * 2, 'Checking against your log'),
  writing: (done: number) => run.onProgress?.(records + done, records * 2, 'Importing'),
})

async function plan(options: CsvImportOptions, run: ImportRun = {}) {
  const read = await readCsv(options.text, options.rules, { signal: run.signal, onRecords: (done, total) => progressOf(run, total).reading(done) })
  const skip = new Set(options.skipLines ?? [])
  const rows = read.rows.filter((r) => !skip.has(r.line))
  const badLines = [...new Set(read.errors.map((e) => e.line).filter((l) => l !== undefined))].sort((a, b) => a - b)
  const blocking = read.fatal ? read.errors : read.errors.filter((e) => e.line === undefined || !skip.has(e.line))
  const skippedByUser = read.rows.length - rows.length + badLines.filter((l) => skip.has(l)).length
  return { read, rows, badLines, blocking, skippedByUser }
}

/** What an import would do; the store is written and rolled back, so the counts are exact. */
export async function previewCsv(db: Db, repo: ActivitiesRepository, options: CsvImportOptions & ImportRun): Promise<CsvPreview> {
  const { read, rows, badLines, skippedByUser } = await plan(options, options)
  const progress = progressOf(options, read.records)
  const exclusively = options.exclusively ?? alone
  const items = rows.map((r) => r.fields)
  const summary = read.fatal
    ? { added: 0, updated: 0, skipped: 0 }
    : await exclusively(() => writeImportInChunks(db, repo, items, csvPolicy(repo, items), options.rules.now, { dryRun: true, signal: options.signal, onRows: progress.checking }))
  return {
    added: summary.added,
    updated: summary.updated,
    skipped: summary.skipped + skippedByUser,
    errors: read.errors,
    rows: read.records,
    badLines,
  }
}

const describeLines = (issues: ImportIssue[]): string => {
  const lines = [...new Set(issues.map((i) => i.line).filter((l) => l !== undefined))]
  if (lines.length === 0) return ''
  const shown = lines.slice(0, 8).join(', ')
  return lines.length === 1 ? ` (line ${shown})` : ` (lines ${shown}${lines.length > 8 ? ', ...' : ''})`
}

/**
 * All or nothing: a bad line the user did not agree to skip rejects the whole file. Written
 * in chunks with the event loop free between them; only when something changed, the backup
 * (beforeWrite, from the state before) and the commit. A cancel at any point leaves the store
 * as it was.
 */
export async function commitCsv(db: Db, repo: ActivitiesRepository, options: CsvImportOptions & ImportRun): Promise<ImportSummary> {
  const { read, rows, blocking, skippedByUser } = await plan(options, options)
  if (blocking.length > 0) {
    const count = new Set(blocking.map((b) => b.line)).size
    const head = read.fatal
      ? `The file cannot be read${describeLines(blocking)}: ${blocking.at(-1)?.message ?? ''}.`
      : `${count} ${count === 1 ? 'line has' : 'lines have'} problems${describeLines(blocking)}.`
    throw new DomainError(
      'invalid-input',
      `${head} Nothing was imported; fix the file, or choose to skip those lines.`,
      blocking.map((b) => ({ path: b.line === undefined ? '' : `line ${b.line}`, message: b.message })),
    )
  }
  const progress = progressOf(options, read.records)
  const items = rows.map((r) => r.fields)
  const summary = await (options.exclusively ?? alone)(() =>
    writeImportInChunks(db, repo, items, csvPolicy(repo, items), options.rules.now, { signal: options.signal, onRows: progress.writing, beforeCommit: options.beforeWrite }),
  )
  return { ...summary, skipped: summary.skipped + skippedByUser, errors: read.errors }
}
