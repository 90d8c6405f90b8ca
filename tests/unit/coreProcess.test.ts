import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CoreRestarted } from '@shared/contract/coreEvents'
import { createCore } from '../../electron/core/core'
import { browserHost, memorySecretStore, type HostServices } from '../../electron/core/host/hostServices'
import type { RecoveryChoice } from '../../electron/core/host/openWithRecovery'
import { restartedMessage, startCoreProcess, type CoreProcess } from '../../electron/core/process/coreProcess'
import { forkNodeCore } from '../../electron/core/process/nodeCoreChild'
import { databasePath } from '../../electron/core/store/database'
import { StoreOpenError } from '../../electron/core/store/storeOpenError'
import { apiOf, must } from '../support/api'
import { buildNodeScripts, type NodeScripts } from '../support/nodeScripts'
import { contentDir, makeTempDir } from '../support/tempCore'
import { startProcessCore } from '../support/transports'

const silent = { error: () => {}, warn: () => {}, info: () => {} }

function deferred<T>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

/** A host whose folder picker stays open until the test answers it: a call held mid-flight in the core. */
function heldPickerHost() {
  const pickers: { answer: (path: string) => void }[] = []
  const askedSignals: (() => void)[] = []
  const nextAsked = () => new Promise<void>((resolve) => askedSignals.push(resolve))
  const host: HostServices = {
    kind: 'desktop',
    secrets: memorySecretStore(),
    pickFolder: () => {
      const answer = deferred<string | null>()
      pickers.push({ answer: (path) => answer.resolve(path) })
      askedSignals.shift()?.()
      return answer.promise
    },
  }
  return { host, pickers, nextAsked }
}

describe('the core in its own process', () => {
  let scripts: NodeScripts
  let entry: string
  const dirs: string[] = []
  const cores: CoreProcess[] = []
  const tempDir = () => {
    const dir = makeTempDir('pathfinder-process-')
    dirs.push(dir)
    return dir
  }
  const start = async (...args: Parameters<typeof startProcessCore> extends [string, ...infer Rest] ? Rest : never) => {
    const core = await startProcessCore(entry, ...args)
    cores.push(core)
    return core
  }

  beforeAll(async () => {
    scripts = await buildNodeScripts([join(import.meta.dirname, '..', '..', 'electron', 'core', 'process', 'coreProcessEntry.ts')])
    entry = scripts.path('coreProcessEntry')
  })
  afterAll(async () => {
    await Promise.all(cores.map((core) => core.close()))
    scripts.dispose()
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('restarts a killed core: held calls get a typed error once, the window is told, calls meanwhile wait for the new core', async () => {
    const { host, pickers, nextAsked } = heldPickerHost()
    const restarts: CoreRestarted[] = []
    let duringRestart: Promise<unknown> | undefined
    const core = await start(tempDir(), {
      host,
      onRestart: (event) => {
        restarts.push(event)
        // Made while the new process is still opening the store.
        duringRestart = api.roadmap.history({ itemId: 'skill.java' })
      },
    })
    const api = apiOf(core)
    await must(api.roadmap.setStatus({ itemId: 'skill.java', status: 'in-progress' }))

    const asked = nextAsked()
    const held = api.host.pickFolder(undefined)
    const alsoHeld = api.host.pickFolder(undefined)
    await asked
    const killedPid = core.pid
    if (killedPid === undefined) throw new Error('The core process has no pid')
    process.kill(killedPid, 'SIGKILL')

    const unavailable = { ok: false, error: { code: 'unavailable', message: restartedMessage } }
    expect(await held).toEqual(unavailable)
    expect(await alsoHeld).toEqual(unavailable)
    expect(restarts).toEqual([{ message: "Pathfinder's data process stopped and was restarted. If your last change is missing, make it again." }])
    expect(await duringRestart).toMatchObject({ ok: true, value: [{ to: 'in-progress' }] })
    expect(core.pid).not.toBe(killedPid)

    // The dead process's picker answers late: it must not answer the new process's own request 1.
    const newAsked = nextAsked()
    const fresh = api.host.pickFolder(undefined)
    await newAsked
    pickers.slice(0, -1).forEach((picker) => picker.answer('/answer/for/the/dead/process'))
    pickers.at(-1)?.answer('/picked/by/the/person')
    expect(await fresh).toEqual({ ok: true, value: { path: '/picked/by/the/person' } })
    expect(restarts).toHaveLength(1)
  })

  it('stops restarting a core that dies as it starts, and says so in words instead of looping', async () => {
    const dyingEntry = join(tempDir(), 'dies.mjs')
    writeFileSync(dyingEntry, 'process.exit(3)\n')
    let spawned = 0
    const restarts: CoreRestarted[] = []
    const core = await start(tempDir(), {
      spawn: () => (spawned++ === 0 ? forkNodeCore(entry) : forkNodeCore(dyingEntry))(),
      onRestart: (event) => restarts.push(event),
    })
    const killedPid = core.pid
    if (killedPid === undefined) throw new Error('The core process has no pid')
    process.kill(killedPid, 'SIGKILL')
    // Sent before the death is noticed: the dead process held it.
    expect(await core.dispatch('roadmap.get', {})).toEqual({ ok: false, error: { code: 'unavailable', message: restartedMessage } })
    expect(await core.dispatch('roadmap.get', {})).toEqual({ ok: false, error: { code: 'unavailable', message: "Pathfinder's data process keeps stopping; quit Pathfinder and open it again." } })
    expect(spawned).toBe(4)
    expect(restarts).toHaveLength(3)
  })

  it('hands main the keychain, the printer and the save dialog, bytes intact both ways', async () => {
    const secrets = memorySecretStore()
    await secrets.set('github.tokens', JSON.stringify({ 'https://api.github.com': 'ghp_kept' }))
    const saved: { name: string; data: Buffer }[] = []
    const pdf = Buffer.from('%PDF-1.7 printed by main\n\u0000\u00ff')
    const host: HostServices = {
      kind: 'desktop',
      secrets,
      printPdf: async () => pdf,
      saveFile: async (name, data) => {
        saved.push({ name, data })
        return `/saved/${name}`
      },
    }
    const api = apiOf(await start(tempDir(), { host }))
    expect(await must(api.host.info(undefined))).toMatchObject({ kind: 'desktop', canSaveFile: true, canPrintPdf: true, canPickFolder: false, secretStorage: 'memory' })
    expect(await must(api.imports.settings(undefined))).toMatchObject({ githubTokenOrigins: ['https://api.github.com'] })
    await must(api.imports.setSettings({ forgetGitHubToken: true }))
    expect(await secrets.get('github.tokens')).toBeUndefined()

    const exported = await must(api.reports.export({ options: { period: { preset: 'last-12-months' }, template: 'personal-review' }, format: 'pdf', delivery: 'save-dialog' }))
    expect(exported.savedTo).toMatch(/^\/saved\/.+\.pdf$/)
    expect(saved).toHaveLength(1)
    expect(saved[0]?.data.equals(pdf)).toBe(true)
  })

  it('asks main how to recover a damaged store, with what the person needs to decide', async () => {
    const dataDir = tempDir()
    writeFileSync(databasePath(dataDir), 'not a database '.repeat(400))
    const asked: StoreOpenError[] = []
    const decide = (choice: RecoveryChoice) => async (error: StoreOpenError) => {
      asked.push(error)
      return choice
    }
    expect(await startCoreProcess({ spawn: forkNodeCore(entry), dataDir, contentDir, host: browserHost(), decide: decide('quit'), log: silent })).toBeNull()
    expect(asked[0]).toBeInstanceOf(StoreOpenError)
    expect(asked[0]).toMatchObject({ code: 'corrupt', dataDir, file: databasePath(dataDir), newestBackup: null, canRestore: false })
    expect(asked[0]?.message).toMatch(/\w+ \w+/)
    expect(asked[0]?.movedTo && existsSync(asked[0].movedTo)).toBe(true)

    const core = await start(dataDir, { decide: decide('start-fresh') })
    expect(await must(apiOf(core).roadmap.history({ itemId: 'skill.java' }))).toEqual([])
  })

  it('reports a folder another Pathfinder holds, with who holds it', async () => {
    const dataDir = tempDir()
    const holder = await createCore({ dataDir, contentDir, log: silent })
    try {
      const error = await startProcessCore(entry, dataDir).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(StoreOpenError)
      expect(error).toMatchObject({ code: 'locked', lockedBy: { pid: process.pid } })
    } finally {
      holder.close()
    }
  })

  it('closes the store and releases the folder on shutdown; later calls are refused in words', async () => {
    const dataDir = tempDir()
    const core = await startProcessCore(entry, dataDir)
    await must(apiOf(core).roadmap.setStatus({ itemId: 'skill.java', status: 'done' }))
    await core.close()
    expect(await core.dispatch('roadmap.get', {})).toEqual({ ok: false, error: { code: 'unavailable', message: 'Pathfinder is closing.' } })
    expect(readFileSync(databasePath(dataDir)).length).toBeGreaterThan(0)
    const next = await createCore({ dataDir, contentDir, log: silent })
    try {
      expect(await must(apiOf(next).roadmap.history({ itemId: 'skill.java' }))).toMatchObject([{ to: 'done' }])
    } finally {
      next.close()
    }
  })
})
