import type { Activity, ImportIssue, ImportSummary } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { ImportedFields } from '../../activities/activityRow'
import { readPrivateRepositories, writePrivateRepositories } from '../../reports/privateRepositories'
import type { SettingsRepository } from '../../settings/settingsRepository'
import type { Db } from '../../store/database'
import { withSourceFields } from '../importedActivity'
import { throwIfCancelled, type ImportRun } from '../importRun'
import { writeImport, type ImportPolicy } from '../writeImport'

/**
 * The forge owns an item's state (an open merge request gets merged); everything else of an
 * activity already stored is the person's: title, notes, hours, skills, goal.
 */
export function stateFromForge(repo: ActivitiesRepository): ImportPolicy {
  return {
    findUnkeyed: (incoming) => (incoming.url ? repo.findByUrl(incoming.url, incoming.kind) : undefined),
    merge(existing: Activity, incoming: ImportedFields): ImportedFields | null {
      return existing.state === incoming.state ? null : withSourceFields(existing, { state: incoming.state })
    },
  }
}

export interface ForgeWrite {
  db: Db
  repo: ActivitiesRepository
  settings: SettingsRepository
  items: readonly ImportedFields[]
  /** Repositories the forge says are private (or internal): their work stays out of reports that leave private work out. */
  privateRepos: ReadonlySet<string>
  now: Date
  notes: ImportIssue[]
}

/**
 * Writes a forge import all or nothing: a dry run first, the caller's backup only when
 * something will change, then the activities and the private-repository list in one
 * transaction. Only repositories of activities added now join that list, so one the person
 * took off it stays off on the next import.
 */
export async function writeForgeImport(write: ForgeWrite, run: ImportRun): Promise<ImportSummary> {
  const { db, repo, settings, items, now, notes } = write
  const policy = stateFromForge(repo)
  const planned = writeImport(db, repo, items, policy, now, { dryRun: true })
  if (planned.added + planned.updated === 0) return { ...planned, errors: notes }

  const known = new Set(readPrivateRepositories(settings).map((r) => r.toLowerCase()))
  const newlyPrivate = new Set<string>()
  for (const item of items) {
    if (item.repo === null || item.externalKey === null || !write.privateRepos.has(item.repo)) continue
    if (!known.has(item.repo.toLowerCase()) && repo.byExternalKey(item.externalKey) === undefined) newlyPrivate.add(item.repo)
  }

  await run.beforeWrite?.()
  throwIfCancelled(run.signal)
  const summary = db.transaction(() => {
    const written = writeImport(db, repo, items, policy, now)
    if (newlyPrivate.size > 0) writePrivateRepositories(settings, [...readPrivateRepositories(settings), ...newlyPrivate])
    return written
  })()
  if (newlyPrivate.size > 0) {
    const n = newlyPrivate.size
    notes.push({ message: `${n === 1 ? 'One private repository was' : `${n} private repositories were`} added to the list that reports can leave out (Reports > Private repositories).` })
  }
  return { ...summary, errors: notes }
}
