import { randomUUID } from 'node:crypto'
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { databasePath } from './database'
import { processIdentity } from './processIdentity'
import { StoreOpenError, type LockOwner } from './storeOpenError'

export const lockFileName = 'pathfinder.lock'

/** Lock files this process holds: a lock naming our own pid is stale only if it is not one of these. */
const heldHere = new Set<string>()

export interface DataLock {
  readonly file: string
  release(): void
}

// bootId and processStart are absent from locks written before they were recorded.
const lockContent = z.object({
  pid: z.number().int(),
  host: z.string(),
  startedAt: z.string(),
  token: z.string(),
  bootId: z.string().nullish(),
  processStart: z.string().nullish(),
})
type LockContent = z.infer<typeof lockContent> & LockOwner

const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined

function parseLock(text: string): LockContent | null {
  try {
    const parsed = lockContent.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function readLock(file: string): { text: string; owner: LockContent | null } | null {
  try {
    const text = readFileSync(file, 'utf8')
    return { text, owner: parseLock(text) }
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null
    throw error
  }
}

/**
 * Creates the lock file with its content in one step: written beside it, then hard-linked
 * into place, so another process never reads a half-written lock. Falls back to an
 * exclusive create where the file system has no hard links.
 */
function tryCreate(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${randomUUID()}`
  writeFileSync(temp, content)
  try {
    linkSync(temp, file)
    return true
  } catch (error) {
    const code = errnoCode(error)
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error
  } finally {
    unlinkSync(temp)
  }
  try {
    const fd = openSync(file, 'wx')
    try {
      writeSync(fd, content)
    } finally {
      closeSync(fd)
    }
    return true
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false
    throw error
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means it is running.
    return errnoCode(error) === 'EPERM'
  }
}

type Verdict = 'stale' | 'held' | 'maybe-held'

/**
 * A lock is stale when its owner is provably gone: same machine and either the pid is dead,
 * the machine has rebooted since (another boot id), or the pid now belongs to a process that
 * started at another time (reused). It is 'maybe-held' when the pid is alive and nothing
 * recorded can tell whether it is still ours. A lock from another machine (a synced folder) is
 * never assumed stale: we cannot see that machine's processes.
 */
function judge(owner: LockContent | null, file: string): Verdict {
  if (!owner) return 'stale'
  if (owner.host !== hostname()) return 'maybe-held'
  if (owner.pid === process.pid) return heldHere.has(file) ? 'held' : 'stale'
  const now = processIdentity(owner.pid)
  if (owner.bootId && now.bootId && owner.bootId !== now.bootId) return 'stale'
  if (!processIsAlive(owner.pid)) return 'stale'
  if (owner.processStart && now.processStart) return owner.processStart === now.processStart ? 'held' : 'stale'
  return 'maybe-held'
}

function lockedMessage(dataDir: string, owner: LockContent | null, file: string, verdict: Verdict): string {
  const elsewhere = owner !== null && owner.host !== hostname()
  const who = owner ? (elsewhere ? `pid ${owner.pid} on ${owner.host}` : `pid ${owner.pid}`) : 'unknown process'
  const base = `Pathfinder data in ${dataDir} is in use by another running Pathfinder (${who}).`
  if (verdict === 'held') return base
  if (elsewhere) return `${base} If that Pathfinder is not running, delete ${file} and start again. Deleting it while Pathfinder runs there can damage your data.`
  return `${base} If no Pathfinder is running on this computer (check the task list or activity monitor), it is safe to delete ${file} and start again; while one is running, leave it.`
}

/**
 * One writer per data folder. Taken by createCore before the database is opened and
 * released by `close()`; a crashed owner leaves a stale lock that the next opener detects
 * (see judge) and replaces.
 */
export function acquireDataLock(dataDir: string, now: () => Date = () => new Date()): DataLock {
  mkdirSync(dataDir, { recursive: true })
  const file = resolve(join(dataDir, lockFileName))
  const mine: LockContent = { pid: process.pid, host: hostname(), startedAt: now().toISOString(), token: randomUUID(), ...processIdentity(process.pid) }
  const content = JSON.stringify(mine)
  let last: LockContent | null = null
  let verdict: Verdict = 'maybe-held'
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, content)) {
      heldHere.add(file)
      let released = false
      return {
        file,
        release() {
          if (released) return
          released = true
          heldHere.delete(file)
          // Only our own lock: if someone judged ours stale and replaced it, theirs stays.
          if (readLock(file)?.owner?.token === mine.token) unlinkSync(file)
        },
      }
    }
    const existing = readLock(file)
    if (!existing) continue
    last = existing.owner
    verdict = judge(existing.owner, file)
    if (verdict !== 'stale') break
    // Re-read just before removing, so a lock another opener has just taken is left alone.
    if (readLock(file)?.text === existing.text) {
      try {
        unlinkSync(file)
      } catch (error) {
        if (errnoCode(error) !== 'ENOENT') throw error
      }
    }
  }
  throw new StoreOpenError('locked', lockedMessage(dataDir, last, file, verdict), {
    dataDir,
    file: databasePath(dataDir),
    lockedBy: last ? { pid: last.pid, host: last.host, startedAt: last.startedAt } : null,
  })
}
