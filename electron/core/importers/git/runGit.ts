import { execFile } from 'node:child_process'
import { dirname } from 'node:path'
import { DomainError } from '../../ipc/domainError'
import { cancelledError } from '../importRun'

/** The app's environment without GIT_* variables: an inherited GIT_DIR would point every read at one repository. */
const inheritedEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')))

export interface GitResult {
  stdout: string
  /** Exit code; 0 on success. */
  code: number
  stderr: string
}

/**
 * Runs git with an argument list, never through a shell, so no folder name or email can
 * become a command. Output is read as UTF-8 text; prompts are off so a repository that
 * wants credentials fails instead of hanging. git may not look above the folder for a
 * repository: a broken one must fail, not silently read the enclosing one (a dotfiles home).
 */
export function runGit(args: readonly string[], options: { cwd: string; signal?: AbortSignal | undefined }): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      {
        cwd: options.cwd,
        ...(options.signal ? { signal: options.signal } : {}),
        encoding: 'utf8',
        maxBuffer: 1024 * 1024 * 1024,
        windowsHide: true,
        env: { ...inheritedEnv(), GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_CEILING_DIRECTORIES: dirname(options.cwd) },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr, code: 0 })
        if (error.name === 'AbortError' || options.signal?.aborted) return reject(cancelledError())
        if ('code' in error && error.code === 'ENOENT') {
          return reject(new DomainError('unavailable', 'Git is not installed (the "git" command was not found). Install git and try again; nothing was changed.'))
        }
        if (typeof error.code === 'number') return resolve({ stdout, stderr, code: error.code })
        reject(new DomainError('unavailable', `Git could not run: ${error.message}`))
      },
    )
  })
}
