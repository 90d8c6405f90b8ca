import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { acquireDataLock, lockFileName } from '../../electron/core/store/dataLock'
import { currentBootId, processStart } from '../../electron/core/store/processIdentity'
import { makeTempDir } from '../support/tempCore'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})

/** A live process that is not Pathfinder: what a reused pid looks like after a crash. */
function otherProgram(): ChildProcess & { pid: number } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  cleanups.push(() => child.kill('SIGKILL'))
  const { pid } = child
  if (pid === undefined) throw new Error('the stand-in process did not start')
  return Object.assign(child, { pid })
}

function folderWithLock(lock: Record<string, unknown>) {
  const dataDir = makeTempDir()
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
  const file = join(dataDir, lockFileName)
  writeFileSync(file, JSON.stringify({ host: hostname(), startedAt: '2026-01-01T00:00:00Z', token: 'left-behind', ...lock }))
  return { dataDir, file }
}

const linux = existsSync('/proc/self/stat') && currentBootId() !== null

describe.runIf(linux)('a lock left behind by a crash, its pid since reused', () => {
  it('is taken over when the pid now belongs to a process that started later', () => {
    const other = otherProgram()
    const { dataDir, file } = folderWithLock({ pid: other.pid, bootId: currentBootId(), processStart: '1' })
    const lock = acquireDataLock(dataDir)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, bootId: currentBootId(), processStart: processStart(process.pid) })
    lock.release()
    expect(existsSync(file)).toBe(false)
  })

  it('is taken over when it was written before the machine last started', () => {
    const other = otherProgram()
    const { dataDir } = folderWithLock({ pid: other.pid, bootId: 'a-boot-before-this-one', processStart: processStart(other.pid) })
    acquireDataLock(dataDir).release()
  })

  it('is kept while the very process that wrote it still runs', () => {
    const other = otherProgram()
    const { dataDir } = folderWithLock({ pid: other.pid, bootId: currentBootId(), processStart: processStart(other.pid) })
    expect(() => acquireDataLock(dataDir)).toThrow(`Pathfinder data in ${dataDir} is in use by another running Pathfinder (pid ${other.pid}).`)
  })
})

describe('a lock whose owner cannot be told apart from a reused pid', () => {
  it('is refused in words that name the lock file and say when deleting it is safe', () => {
    // Written before start times were recorded (or on a system without them): the live pid is all there is.
    const { dataDir, file } = folderWithLock({ pid: process.ppid })
    expect(() => acquireDataLock(dataDir)).toThrow(
      `Pathfinder data in ${dataDir} is in use by another running Pathfinder (pid ${process.ppid}). If no Pathfinder is running on this computer (check the task list or activity monitor), it is safe to delete ${file} and start again; while one is running, leave it.`,
    )
  })
})
