import { spawn } from 'node:child_process'
import { devNull } from 'node:os'
import { DomainError } from '../../ipc/domainError'
import { cancelledError } from '../importRun'

/** Long enough for a very large history on a slow disk; a read that takes longer is stuck. */
export const defaultGitTimeoutMs = 5 * 60_000
/** The log of one person's commits is megabytes; past this, memory would run out before it ends. */
const maxOutputBytes = 1024 * 1024 * 1024

/** The app's environment without GIT_* variables: an inherited GIT_DIR would point every read at one repository. */
const inheritedEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')))

/**
 * What git is told about where to read and what not to do. No system or global config (the
 * person's own hooks into git are not wanted for a read either), no pager, no prompt, no lazy
 * fetch of missing objects, and no network protocol allowed for one.
 */
const lockedDownEnv = (gitDir: string, objectsDir: string | undefined): NodeJS.ProcessEnv => ({
  ...inheritedEnv(),
  GIT_DIR: gitDir,
  ...(objectsDir ? { GIT_OBJECT_DIRECTORY: objectsDir } : {}),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: devNull,
  GIT_PAGER: 'cat',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_NO_LAZY_FETCH: '1',
  GIT_PROTOCOL_FROM_USER: '0',
  GIT_ALLOW_PROTOCOL: '',
  LC_ALL: 'C',
})

/**
 * Overrides that win over any config git still reads, so even a config that slipped in
 * could not start a program during a read. A second wall: the sealed git directory
 * (sealedGitDir.ts) already keeps the repository's config out.
 */
export const lockedDownConfig = [
  '--no-pager',
  ...['log.showSignature=false', 'core.fsmonitor=false', 'core.hooksPath=' + devNull, 'diff.external=', 'core.pager=cat', 'protocol.allow=never'].flatMap((c) => ['-c', c]),
]

export interface GitResult {
  stdout: string
  /** Exit code; 0 on success. */
  code: number
  stderr: string
}

export interface RunGitOptions {
  /** The sealed git directory to read (see sealedGitDir.ts), also the working folder. */
  gitDir: string
  objectsDir?: string | undefined
  signal?: AbortSignal | undefined
  timeoutMs?: number | undefined
  /** Names what is being read, for the message when it takes too long ("the repository x (/path)"). */
  what: string
}

const duration = (ms: number): string => (ms < 60_000 ? `${Number((ms / 1000).toFixed(1))} seconds` : `${Number((ms / 60_000).toFixed(1))} minutes`)

/**
 * Runs git with an argument list, never through a shell, so no folder name or email can
 * become a command. Output is read as UTF-8 text once git has exited. On POSIX git runs in its own process group
 * so a timeout or a cancel stops it together with anything it started.
 */
export function runGit(args: readonly string[], options: RunGitOptions): Promise<GitResult> {
  const timeoutMs = options.timeoutMs ?? defaultGitTimeoutMs
  const ownGroup = process.platform !== 'win32'
  return new Promise((resolve, reject) => {
    let timedOut = false
    let tooLarge = false
    let outputBytes = 0
    const child = spawn('git', [...lockedDownConfig, ...args], {
      cwd: options.gitDir,
      windowsHide: true,
      detached: ownGroup,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: lockedDownEnv(options.gitDir, options.objectsDir),
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => {
      outputBytes += chunk.length
      if (outputBytes > maxOutputBytes) {
        tooLarge = true
        stop()
      } else stdout.push(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    function stop(): void {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
      try {
        if (ownGroup) process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        // Already gone between the check and the kill.
      }
    }
    const timer = setTimeout(() => {
      timedOut = true
      stop()
    }, timeoutMs)
    if (options.signal?.aborted) stop()
    else options.signal?.addEventListener('abort', stop, { once: true })
    const settle = (): void => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', stop)
    }
    child.on('error', (error) => {
      settle()
      if ('code' in error && error.code === 'ENOENT') {
        return reject(new DomainError('unavailable', 'Git is not installed (the "git" command was not found). Install git and try again; nothing was changed.'))
      }
      reject(new DomainError('unavailable', `Git could not run: ${error.message}`))
    })
    child.on('close', (code) => {
      settle()
      if (timedOut) {
        return reject(
          new DomainError(
            'unavailable',
            `Reading ${options.what} took longer than ${duration(timeoutMs)}, so it was stopped. Nothing was imported. If that repository is damaged or on a drive that stopped answering, move it out of the folder and import again.`,
          ),
        )
      }
      if (tooLarge) {
        return reject(new DomainError('unavailable', `Reading ${options.what} gave more than 1 GB of history, so it was stopped. Nothing was imported. Move that repository out of the folder and import again.`))
      }
      if (options.signal?.aborted) return reject(cancelledError())
      resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code: code ?? -1 })
    })
  })
}
