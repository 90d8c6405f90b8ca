import type { Activity, ImportSummary } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../activities/activitiesRepository'
import type { ImportedFields } from '../activities/activityRow'
import type { Db } from '../store/database'
import { emptySummary, inSlices, throwIfCancelled, type ImportRun } from './importRun'

export interface ImportPolicy {
  /** An activity the user logged by hand that is this imported one (same link, same day...). */
  findUnkeyed?(incoming: ImportedFields): Activity | undefined
  /**
   * What to store when the activity is already there, or null to leave it as is. Only what
   * the source owns should change: the user's notes, hours, skills and goal stay theirs.
   */
  merge(existing: Activity, incoming: ImportedFields): ImportedFields | null
  /** Hears every activity the import writes (added, or updated to these fields). */
  written?(fields: ImportedFields): void
}

class DryRun extends Error {}

/** One imported activity: added, updated, or skipped, counted in `summary`. */
function writeOne(repo: ActivitiesRepository, incoming: ImportedFields, policy: ImportPolicy, now: Date, summary: ImportSummary): void {
  const keyed = incoming.externalKey === null ? undefined : repo.byExternalKey(incoming.externalKey)
  if (keyed && keyed.deleted_at !== null) {
    summary.skipped += 1
    return
  }
  const existing = keyed ? repo.get(keyed.id) : policy.findUnkeyed?.(incoming)
  if (!existing) {
    repo.insert(incoming, now)
    policy.written?.(incoming)
    summary.added += 1
    return
  }
  const adopted = !keyed && incoming.externalKey !== null
  if (adopted && incoming.externalKey !== null) repo.adoptExternalKey(existing.id, incoming.externalKey)
  const merged = policy.merge(existing, incoming)
  if (merged) {
    repo.update(existing.id, merged, now)
    policy.written?.(merged)
  }
  if (merged || adopted) {
    summary.updated += 1
  } else {
    summary.skipped += 1
  }
}

/**
 * Writes imported activities in one transaction: all of them or, on any error, none. Matches
 * by external key first, so importing the same thing twice adds nothing. An activity the user
 * removed is skipped rather than brought back. A dry run does the same work and rolls it back,
 * so its counts are exactly what the real run will report.
 */
export function writeImport(
  db: Db,
  repo: ActivitiesRepository,
  items: readonly ImportedFields[],
  policy: ImportPolicy,
  now: Date,
  options: { dryRun?: boolean } = {},
): ImportSummary {
  const summary = emptySummary()
  const run = db.transaction(() => {
    for (const incoming of items) writeOne(repo, incoming, policy, now, summary)
    if (options.dryRun) throw new DryRun()
  })
  try {
    run()
  } catch (error) {
    if (!(error instanceof DryRun)) throw error
  }
  return summary
}

export interface ChunkedWrite {
  dryRun?: boolean
  signal?: AbortSignal | undefined
  /** Rows written so far, at each pause. */
  onRows?: (done: number) => void
  /**
   * Called once every row is written and before the commit, only when something changed:
   * the transaction is still open, so a connection of its own still reads the store as it
   * was (WAL), which is what a backup of "just before the import" must hold. A throw here
   * rolls everything back.
   */
  beforeCommit?: () => Promise<unknown>
}

/**
 * writeImport for files of any length: the same rows, the same single transaction, but the
 * event loop gets a turn between slices, and a cancel at any pause rolls it all back. The
 * transaction stays open across the pauses, so the caller must keep every other use of the
 * connection out meanwhile (ctx.store.exclusive). One pass: no dry run is needed to decide
 * on a backup, since the backup is taken from the state the open transaction has not touched.
 */
export async function writeImportInChunks(
  db: Db,
  repo: ActivitiesRepository,
  items: readonly ImportedFields[],
  policy: ImportPolicy,
  now: Date,
  options: ChunkedWrite = {},
): Promise<ImportSummary> {
  const summary = emptySummary()
  db.exec('BEGIN IMMEDIATE')
  try {
    throwIfCancelled(options.signal)
    await inSlices(items, (incoming) => writeOne(repo, incoming, policy, now, summary), { signal: options.signal, onPause: options.onRows })
    throwIfCancelled(options.signal)
    const changed = summary.added + summary.updated > 0
    if (options.dryRun || !changed) {
      db.exec('ROLLBACK')
      return summary
    }
    await options.beforeCommit?.()
    throwIfCancelled(options.signal)
    db.exec('COMMIT')
    return summary
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK')
  }
}

/**
 * The write step of an import: a dry run first, and only when it would change something, the
 * caller's beforeWrite (a backup), then the write itself. Nothing new: no backup, no write.
 */
export async function writeImportWhenNeeded(
  db: Db,
  repo: ActivitiesRepository,
  items: readonly ImportedFields[],
  policy: ImportPolicy,
  now: Date,
  run: ImportRun,
): Promise<ImportSummary> {
  const planned = writeImport(db, repo, items, policy, now, { dryRun: true })
  if (planned.added + planned.updated === 0) return planned
  await run.beforeWrite?.()
  throwIfCancelled(run.signal)
  return writeImport(db, repo, items, policy, now)
}
