import type { ImportSummary } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { ImportedFields } from '../../activities/activityRow'
import type { Db } from '../../store/database'
import { withSourceFields } from '../importedActivity'
import { throwIfCancelled, type ImportRun } from '../importRun'
import { writeImportWhenNeeded } from '../writeImport'
import { findRepositories } from './findRepositories'
import { readRepository, type RepositoryCommits } from './readRepository'

const commitTitle = (commits: number, repo: string): string => `${commits} ${commits === 1 ? 'commit' : 'commits'} to ${repo}`

/**
 * One 'commits' activity per repository per day. A commit reachable from two clones (a fork
 * and its upstream, two checkouts) counts once: the first repository read claims it.
 */
export function commitDays(repositories: readonly RepositoryCommits[]): ImportedFields[] {
  const seen = new Set<string>()
  const days = new Map<string, ImportedFields & { commitCount: number; linesChanged: number }>()
  for (const repository of repositories) {
    for (const commit of repository.commits) {
      if (seen.has(commit.hash)) continue
      seen.add(commit.hash)
      const key = `git:${repository.name.toLowerCase()}:${commit.day}`
      const day = days.get(key) ?? {
        kind: 'commits',
        date: commit.day,
        title: '',
        url: repository.url,
        repo: repository.name,
        state: null,
        hours: null,
        notes: null,
        impact: null,
        starred: false,
        goalId: null,
        skillIds: [],
        source: 'git',
        externalKey: key,
        commitCount: 0,
        linesChanged: 0,
      }
      day.commitCount += 1
      day.linesChanged += commit.linesChanged
      day.title = commitTitle(day.commitCount, repository.name)
      days.set(key, day)
    }
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date) || (a.repo ?? '').localeCompare(b.repo ?? ''))
}

export interface GitImportOptions extends ImportRun {
  folder: string
  emails: readonly string[]
  now: Date
  /** How long one git command may run before it is stopped; tests make it short. */
  gitTimeoutMs?: number
}

/**
 * Reads every repository first and writes once, so an unreadable repository or a cancel
 * leaves the store as it was. Counts only grow on re-import: a branch deleted since the last
 * run does not erase the work it recorded.
 */
export async function importGit(db: Db, repo: ActivitiesRepository, options: GitImportOptions): Promise<ImportSummary> {
  const { onProgress, signal } = options
  onProgress?.(0, 0, `Looking for git repositories in ${options.folder}`)
  const folders = await findRepositories(options.folder, { signal })
  const repositories: RepositoryCommits[] = []
  for (const [index, folder] of folders.entries()) {
    throwIfCancelled(signal)
    onProgress?.(index, folders.length, `Reading ${folder}`)
    repositories.push(await readRepository(folder, options.emails, { signal, timeoutMs: options.gitTimeoutMs }))
  }
  throwIfCancelled(signal)
  const items = commitDays(repositories)
  onProgress?.(folders.length, folders.length, `Saving ${items.length} days of commits`)
  const summary = await writeImportWhenNeeded(db, repo, items, {
    merge(existing, incoming) {
      const before = existing.commitCount ?? 0
      if ((incoming.commitCount ?? 0) <= before && (incoming.linesChanged ?? 0) <= (existing.linesChanged ?? 0)) return null
      const commitCount = Math.max(before, incoming.commitCount ?? 0)
      // A title the user rewrote stays theirs; the generated one follows the count.
      const title = existing.title === commitTitle(before, existing.repo ?? '') ? commitTitle(commitCount, existing.repo ?? '') : existing.title
      return withSourceFields(existing, {
        title,
        // A commit day has no state of its own: the import has always cleared one set by hand.
        state: incoming.state,
        url: existing.url ?? incoming.url,
        commitCount,
        linesChanged: Math.max(existing.linesChanged ?? 0, incoming.linesChanged ?? 0),
      })
    },
  }, options.now, options)
  onProgress?.(folders.length, folders.length, `Done: ${folders.length} ${folders.length === 1 ? 'repository' : 'repositories'} read`)
  return summary
}
