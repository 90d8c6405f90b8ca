import type { CsvPreview, ImportIssue, ImportSummary } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { ImportedFields } from '../../activities/activityRow'
import type { RuleDeps } from '../../activities/activityRules'
import { DomainError } from '../../ipc/domainError'
import type { Db } from '../../store/database'
import type { ImportRun } from '../importRun'
import { writeImport, writeImportWhenNeeded, type ImportPolicy } from '../writeImport'
import { readCsv } from './csvRows'

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
const csvPolicy = (repo: ActivitiesRepository): ImportPolicy => ({
  findUnkeyed: (incoming) => (incoming.externalKey === null ? repo.findSame(incoming) : undefined),
  merge(existing, incoming) {
    if (incoming.externalKey === null) return null
    const current: ImportedFields = {
      ...incoming,
      kind: existing.kind,
      date: existing.date,
      title: existing.title,
      url: existing.url,
      repo: existing.repo,
      state: existing.state,
      hours: existing.hours,
      notes: existing.notes,
      impact: existing.impact,
      goalId: existing.goalId,
      skillIds: existing.skills.map((s) => s.id),
    }
    if (sameFields(current, incoming)) return null
    return {
      ...incoming,
      commitCount: incoming.commitCount ?? existing.commitCount,
      linesChanged: incoming.linesChanged ?? existing.linesChanged,
    }
  },
})

export interface CsvImportOptions {
  text: string
  /** Lines (as reported) the user agreed to leave out. */
  skipLines?: readonly number[] | undefined
  rules: RuleDeps
}

function plan(options: CsvImportOptions) {
  const read = readCsv(options.text, options.rules)
  const skip = new Set(options.skipLines ?? [])
  const rows = read.rows.filter((r) => !skip.has(r.line))
  const badLines = [...new Set(read.errors.map((e) => e.line).filter((l) => l !== undefined))].sort((a, b) => a - b)
  const blocking = read.fatal ? read.errors : read.errors.filter((e) => e.line === undefined || !skip.has(e.line))
  const skippedByUser = read.rows.length - rows.length + badLines.filter((l) => skip.has(l)).length
  return { read, rows, badLines, blocking, skippedByUser }
}

/** What an import would do; the store is written and rolled back, so the counts are exact. */
export function previewCsv(db: Db, repo: ActivitiesRepository, options: CsvImportOptions): CsvPreview {
  const { read, rows, badLines, skippedByUser } = plan(options)
  const summary = read.fatal
    ? { added: 0, updated: 0, skipped: 0 }
    : writeImport(db, repo, rows.map((r) => r.fields), csvPolicy(repo), options.rules.now, { dryRun: true })
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

/** All or nothing: a bad line the user did not agree to skip rejects the whole file. */
export async function commitCsv(db: Db, repo: ActivitiesRepository, options: CsvImportOptions & ImportRun): Promise<ImportSummary> {
  const { read, rows, blocking, skippedByUser } = plan(options)
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
  const summary = await writeImportWhenNeeded(db, repo, rows.map((r) => r.fields), csvPolicy(repo), options.rules.now, options)
  return { ...summary, skipped: summary.skipped + skippedByUser, errors: read.errors }
}
