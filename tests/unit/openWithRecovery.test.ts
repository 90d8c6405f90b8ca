import { rmSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Dispatcher } from '../../electron/core/ipc/dispatcher'
import { databasePath } from '../../electron/core/store/database'
import { openWithRecovery, type RecoveryChoice } from '../../electron/core/host/openWithRecovery'
import type { StoreOpenError } from '../../electron/core/store/storeOpenError'
import { contentDir, makeTempDir, openTempCore } from '../support/tempCore'
import { apiOf, must } from '../support/api'

const silent = { error: () => {}, warn: () => {}, info: () => {} }
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

/** A folder whose database has one stored status and a backup of it, then gets corrupted. */
async function corruptedWithBackup() {
  const dataDir = makeTempDir()
  dirs.push(dataDir)
  const core = await openTempCore({ dataDir })
  await core.dispatch('roadmap.setStatus', { itemId: 'skill.java', status: 'done' })
  await core.dispatch('backups.create', {})
  core.close()
  writeFileSync(databasePath(dataDir), 'this is not a database, it is garbage '.repeat(200))
  return dataDir
}

const javaStatus = async (core: Dispatcher) => (await must(apiOf(core).roadmap.get({}))).items.find((i) => i.id === 'skill.java')?.status

describe('opening a damaged store', () => {
  it.each([
    ['restore', 'done'],
    ['start-fresh', 'not-started'],
  ] as const)('does what the person chose: %s', async (choice: RecoveryChoice, expected) => {
    const dataDir = await corruptedWithBackup()
    const asked: StoreOpenError[] = []
    const core = await openWithRecovery({ dataDir, contentDir, log: silent }, async (error) => {
      asked.push(error)
      return choice
    })
    expect(asked.map((e) => [e.code, e.canRestore])).toEqual([['corrupt', true]])
    expect(core).not.toBeNull()
    if (core) {
      expect(await javaStatus(core)).toBe(expected)
      core.close()
    }
  })

  it('opens nothing when the person quits, and leaves the files as they were', async () => {
    const dataDir = await corruptedWithBackup()
    const core = await openWithRecovery({ dataDir, contentDir, log: silent }, async () => 'quit')
    expect(core).toBeNull()
  })
})
