import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { formatWithOptions } from 'node:util'
import type { Logger } from '../ipc/handle'

export interface RotatingLogOptions {
  /** The folder the files go in (the data folder's logs/). */
  dir: string
  /** A file past this size is rotated before the next line. */
  maxBytes?: number
  /** Rotated files kept beside the current one: pathfinder.1.log is the newest. */
  keep?: number
  now?: () => Date
  /** Where lines also go (the terminal in development); nothing by default. */
  echo?: Logger
}

export interface RotatingLog extends Logger {
  readonly file: string
}

/**
 * Errors and warnings of main and core, for the person (or whoever they choose to send it to)
 * to read when something went wrong in a packaged app, where no terminal shows them. The log
 * stays in the data folder: nothing here sends anything anywhere. Writing is synchronous, so a
 * line logged just before a crash is on disk; the log never throws, since a full disk must not
 * turn a warning into a crash.
 */
export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const { dir, maxBytes = 1_000_000, keep = 3, now = () => new Date(), echo } = options
  const file = join(dir, 'pathfinder.log')
  const rotated = (n: number) => join(dir, `pathfinder.${n}.log`)

  const rotate = () => {
    rmSync(rotated(keep), { force: true })
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(rotated(n), rotated(n + 1))
      } catch {
        // Not there yet: fewer rotations so far than kept.
      }
    }
    renameSync(file, rotated(1))
  }

  const write = (level: 'error' | 'warn' | 'info', args: unknown[]) => {
    const text = formatWithOptions({ colors: false, depth: 4, breakLength: Infinity }, ...args)
    // Continuation lines (a stack) are indented, so every entry starts with its time.
    const line = `${now().toISOString()} ${level.toUpperCase()} ${text.trimEnd().replace(/\n/g, '\n  ')}\n`
    try {
      mkdirSync(dir, { recursive: true })
      let size = 0
      try {
        size = statSync(file).size
      } catch {
        size = 0
      }
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate()
      appendFileSync(file, line, { mode: 0o600 })
    } catch {
      // A log that cannot be written is not worth failing over.
    }
    echo?.[level](...args)
  }

  return {
    file,
    error: (...args: unknown[]) => write('error', args),
    warn: (...args: unknown[]) => write('warn', args),
    info: (...args: unknown[]) => write('info', args),
  }
}
