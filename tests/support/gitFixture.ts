import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Real git repositories made by the test, with commits by whoever and whenever it says. */
/** `existing` works in a repository (or worktree) that is already there instead of creating one. */
export function gitRepo(dir: string, remote?: string, options: { existing?: boolean } = {}) {
  mkdirSync(dir, { recursive: true })
  const git = (args: string[], env: Record<string, string> = {}, input?: string) =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=Fixture', '-c', 'user.email=fixture@example.com', ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', ...env },
      encoding: 'utf8',
      ...(input === undefined ? {} : { input }),
    })
  if (!options.existing) git(['init', '-q'])
  if (remote) git(['remote', 'add', 'origin', remote])
  let n = 0
  return {
    dir,
    git,
    /** A commit adding `lines` lines to a new file, authored by `email` at `when` (ISO with offset). */
    commit(email: string, when: string, lines = 3) {
      n += 1
      writeFileSync(join(dir, `file${n}.txt`), Array.from({ length: lines }, (_, i) => `line ${i}`).join('\n') + '\n')
      git(['add', '.'])
      git(['commit', '-q', '-m', `change ${n}`], {
        GIT_AUTHOR_NAME: email.split('@')[0] ?? 'someone',
        GIT_AUTHOR_EMAIL: email,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_NAME: 'Fixture',
        GIT_COMMITTER_EMAIL: 'fixture@example.com',
        GIT_COMMITTER_DATE: when,
      })
    },
    branch(name: string) {
      git(['checkout', '-q', '-b', name])
    },
    checkout(name: string) {
      git(['checkout', '-q', name])
    },
  }
}
