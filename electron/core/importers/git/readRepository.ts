import { basename } from 'node:path'
import { DomainError } from '../../ipc/domainError'
import { gitLogFormat, parseGitLog, type GitCommit } from './parseGitLog'
import { repoIdentity, type RepoIdentity } from './repoName'
import { runGit } from './runGit'

/**
 * Options that keep a repository's own config from running programs during a read: textconv
 * and external diff drivers are commands named in .git/config, and numstat would run them.
 */
const safeLogArgs = ['--no-pager', '-c', 'core.fsmonitor=false', '-c', 'diff.external=', 'log', '--no-textconv', '--no-ext-diff']

export interface RepositoryCommits extends RepoIdentity {
  folder: string
  commits: GitCommit[]
}

/**
 * The commits on every branch of one repository authored by one of `emails`. git narrows by
 * author first (fixed strings, any case) so a huge history is not read whole; the exact email
 * check happens here, since --author also matches names.
 */
export async function readRepository(folder: string, emails: readonly string[], signal?: AbortSignal): Promise<RepositoryCommits> {
  const remote = await runGit(['config', '--get', 'remote.origin.url'], { cwd: folder, signal })
  const identity = repoIdentity(folder, remote.code === 0 ? remote.stdout : null)
  const wanted = new Set(emails.map((e) => e.toLowerCase()))
  const authors = [...wanted].map((email) => `--author=${email}`)
  const log = await runGit(
    [...safeLogArgs, '--all', '--no-merges', '--fixed-strings', '--regexp-ignore-case', ...authors, `--format=${gitLogFormat}`, '--numstat'],
    { cwd: folder, signal },
  )
  if (log.code !== 0) {
    // A repository with no commit yet has nothing to import; anything else is a real failure.
    if (/does not have any commits|bad default revision/.test(log.stderr)) return { ...identity, folder, commits: [] }
    const reason = log.stderr.trim().split('\n')[0] ?? `git exited with code ${log.code}`
    throw new DomainError('unavailable', `Could not read the repository ${basename(folder)} (${folder}): ${reason}. Nothing was imported.`)
  }
  return { ...identity, folder, commits: parseGitLog(log.stdout).filter((c) => wanted.has(c.email)) }
}
