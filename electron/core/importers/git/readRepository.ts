import { basename } from 'node:path'
import { DomainError } from '../../ipc/domainError'
import { gitLogFormat, parseGitLog, type GitCommit } from './parseGitLog'
import { repoIdentity, type RepoIdentity } from './repoName'
import { runGit } from './runGit'
import { sealGitDir, type RepositoryFormat } from './sealedGitDir'

/** No pager, signature check, textconv or external diff, whatever config git might still see. */
const logArgs = ['log', '--no-show-signature', '--no-textconv', '--no-ext-diff', '--no-color']

export interface RepositoryCommits extends RepoIdentity {
  folder: string
  commits: GitCommit[]
}

export interface ReadOptions {
  signal?: AbortSignal | undefined
  /** How long one git command may take before it is stopped. */
  timeoutMs?: number | undefined
}

/** `key value` lines from `git config --get-regexp`, keys in git's lower case. */
function configValues(output: string): Map<string, string> {
  const values = new Map<string, string>()
  for (const line of output.split('\n')) {
    const space = line.indexOf(' ')
    if (space > 0 && !values.has(line.slice(0, space))) values.set(line.slice(0, space), line.slice(space + 1))
  }
  return values
}

/**
 * The commits on every branch of one repository authored by one of `emails`. git narrows by
 * author first (fixed strings, any case) so a huge history is not read whole; the exact email
 * check happens here, since --author also matches names. git reads a sealed copy of the git
 * directory, never the repository's config: see sealedGitDir.ts.
 */
export async function readRepository(folder: string, emails: readonly string[], options: ReadOptions = {}): Promise<RepositoryCommits> {
  const what = `the repository ${basename(folder)} (${folder})`
  let origin: string | null = null
  const readFormat = async (configFile: string, gitDir: string): Promise<RepositoryFormat> => {
    // --file reads that one file as data: its include.path and includeIf lines are not followed.
    const result = await runGit(
      ['config', '--file', configFile, '--no-includes', '--get-regexp', '^(remote\\.origin\\.url|extensions\\.objectformat|extensions\\.refstorage)$'],
      { gitDir, signal: options.signal, timeoutMs: options.timeoutMs, what },
    )
    const values = configValues(result.code === 0 ? result.stdout : '')
    origin = values.get('remote.origin.url') ?? null
    return { objectFormat: values.get('extensions.objectformat') ?? null, refStorage: values.get('extensions.refstorage') ?? null }
  }
  const sealed = await sealGitDir(folder, readFormat)
  try {
    const identity = repoIdentity(folder, origin)
    const wanted = new Set(emails.map((e) => e.toLowerCase()))
    const authors = [...wanted].map((email) => `--author=${email}`)
    const log = await runGit([...logArgs, '--all', '--no-merges', '--fixed-strings', '--regexp-ignore-case', ...authors, `--format=${gitLogFormat}`, '--numstat'], {
      gitDir: sealed.gitDir,
      objectsDir: sealed.objectsDir,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      what,
    })
    if (log.code !== 0) {
      // A repository with no commit yet has nothing to import; anything else is a real failure.
      if (/does not have any commits|bad default revision/.test(log.stderr)) return { ...identity, folder, commits: [] }
      const reason = log.stderr.trim().split('\n')[0] ?? `git exited with code ${log.code}`
      throw new DomainError('unavailable', `Could not read the repository ${basename(folder)} (${folder}): ${reason}. Nothing was imported.`)
    }
    return { ...identity, folder, commits: parseGitLog(log.stdout).filter((c) => wanted.has(c.email)) }
  } finally {
    await sealed.remove()
  }
}
