import { execFile } from 'node:child_process'
import { DomainError } from '../../ipc/domainError'
import { cancelledError } from '../importRun'

export interface GitResult {
  stdout: string
  /** Exit code; 0 on success. */
  code: number
  stderr: string
}

/**
 * Runs git with an argument list, never through a shell, so no folder name or email can
 * become a command. Output is read as UTF-8 text; prompts are off so a repository that
 * wants credentials fails instead of hanging.
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
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
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
