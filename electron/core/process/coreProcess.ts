import { fail, type Result } from '@shared/contract'
import type { CoreRestarted } from '@shared/contract/coreEvents'
import type { HostServices } from '../host/hostServices'
import type { Dispatcher } from '../ipc/dispatcher'
import type { Logger } from '../ipc/handle'
import type { CoreChild, SpawnCore } from './coreChild'
import { fromCore, type HostOffer, type HostRequest, type ToCore } from './messages'
import { serveHostRequest, type DecideRecovery } from './serveHost'
import { storeOpenErrorFrom } from './storeOpenFailure'

export const restartedMessage = "Pathfinder's data process stopped and was restarted; try again."
const restartedNotice = "Pathfinder's data process stopped and was restarted. If your last change is missing, make it again."
const gaveUpMessage = "Pathfinder's data process keeps stopping; quit Pathfinder and open it again."
const closingMessage = 'Pathfinder is closing.'
/** Starts that die before the store is open, in a row, before we stop trying. */
const maxFailedStarts = 3
const closeTimeoutMs = 10_000

export interface CoreProcessOptions {
  spawn: SpawnCore
  dataDir: string
  contentDir: string
  /** Main's own services; the core asks for them over the wire. */
  host: HostServices
  /** Asked when the store cannot be opened (a dialog in the desktop app). */
  decide: DecideRecovery
  /** The core stopped unexpectedly and a new one is starting: the window shows it. */
  onRestart?: (event: CoreRestarted) => void
  log?: Logger
}

export interface CoreProcess extends Dispatcher {
  /** The running core's process id, for the tests that kill it. */
  readonly pid: number | undefined
  /** Answers what was asked, closes the store (releasing its lock) and ends the process. */
  close(): Promise<void>
}

/** The person chose to quit rather than recover. */
class Declined extends Error {}

interface Run {
  child: CoreChild
  /** Settles once the store is open in this process, or it could not be. */
  ready: Promise<void>
  opened: boolean
  alive: boolean
}

const offerOf = (host: HostServices): HostOffer => ({
  kind: host.kind,
  secretStorage: host.secrets.storage,
  canPickFolder: Boolean(host.pickFolder),
  canPrintPdf: Boolean(host.printPdf),
  canSaveFile: Boolean(host.saveFile),
})

/**
 * Main's side of the process protocol: starts the core in its own process and is a Dispatcher
 * for the IPC bridge. A core that dies is started again; the calls it held are answered once,
 * with a typed error in words, and calls made meanwhile wait for the new one. Resolves null
 * when the person chose to quit over a store that could not be opened; throws StoreOpenError
 * for one no choice can fix (locked, newer version).
 */
export async function startCoreProcess(options: CoreProcessOptions): Promise<CoreProcess | null> {
  const log = options.log ?? console
  const offer = offerOf(options.host)
  const pending = new Map<number, { child: CoreChild; answer: (result: Result<unknown>) => void }>()
  let nextId = 1
  let channels: readonly string[] = []
  let started = false
  let closing = false
  let failedStarts = 0
  let gaveUp = false
  let whenClosed: (() => void) | undefined

  async function answerHost(run: Run, id: number, request: HostRequest): Promise<void> {
    let reply: ToCore
    try {
      reply = { type: 'host-result', id, answer: { ok: true, value: await serveHostRequest(options.host, options.decide, request) } }
    } catch (error) {
      reply = { type: 'host-result', id, answer: { ok: false, message: error instanceof Error ? error.message : String(error) } }
    }
    // Only to the process that asked: a successor numbers its own requests from 1 again.
    if (run.alive) run.child.post(reply)
  }

  function launch(): Run {
    const child = options.spawn()
    const run: Run = { child, ready: Promise.resolve(), opened: false, alive: true }
    run.ready = new Promise<void>((resolve, reject) => {
      child.onMessage((raw) => {
        const parsed = fromCore.safeParse(raw)
        if (!parsed.success) return log.error('Main ignored a message from the core process it could not read', parsed.error.message)
        const message = parsed.data
        switch (message.type) {
          case 'started':
            return child.post({ type: 'open', options: { dataDir: options.dataDir, contentDir: options.contentDir, host: offer } })
          case 'ready':
            channels = message.channels
            run.opened = true
            return resolve()
          case 'declined':
            return reject(new Declined())
          case 'open-failed':
            return reject(message.failure ? storeOpenErrorFrom(message.failure) : new Error(message.message))
          case 'result': {
            const waiting = pending.get(message.id)
            // Each id is answered once, and only by the process it was sent to.
            if (!waiting || waiting.child !== child) return
            pending.delete(message.id)
            return waiting.answer(message.result)
          }
          case 'host':
            return void answerHost(run, message.id, message.request)
          case 'closed':
            return whenClosed?.()
        }
      })
      child.onExit((code) => {
        run.alive = false
        reject(new Error(`Pathfinder's data process stopped (exit code ${code}) before it was ready.`))
        exited(run)
      })
    })
    run.ready.catch((error: unknown) => {
      // A new process that cannot open the store (a restore or a recovery went wrong): no use retrying.
      if (started && run.alive) {
        gaveUp = true
        log.error("Pathfinder's data process could not open the store again", error)
        run.child.kill()
      }
    })
    return run
  }

  function exited(run: Run): void {
    for (const [id, waiting] of pending) {
      if (waiting.child !== run.child) continue
      pending.delete(id)
      waiting.answer(fail('unavailable', closing ? closingMessage : restartedMessage))
    }
    if (closing) return whenClosed?.()
    if (!started || gaveUp || run !== current) return
    failedStarts = run.opened ? 0 : failedStarts + 1
    if (failedStarts < maxFailedStarts) restart()
    else gaveUp = true
  }

  function restart(): void {
    log.error("Pathfinder's data process stopped; starting it again")
    current = launch()
    options.onRestart?.({ message: restartedNotice })
  }

  let current = launch()
  try {
    await current.ready
  } catch (error) {
    current.child.kill()
    if (error instanceof Declined) return null
    throw error
  }
  started = true

  async function dispatch(name: string, input: unknown): Promise<Result<unknown>> {
    for (;;) {
      if (closing) return fail('unavailable', closingMessage)
      if (gaveUp) return fail('unavailable', gaveUpMessage)
      const run = current
      const opened = await run.ready.then(
        () => true,
        () => false,
      )
      // Replaced while we waited (it died and a new one is starting): wait for that one instead.
      if (run !== current) continue
      if (!opened || !run.alive) {
        if (closing || gaveUp) continue
        return fail('unavailable', restartedMessage)
      }
      const id = nextId++
      return new Promise<Result<unknown>>((answer) => {
        pending.set(id, { child: run.child, answer })
        run.child.post({ type: 'call', id, channel: name, input })
      })
    }
  }

  let closed: Promise<void> | undefined
  return {
    get channels() {
      return channels
    },
    get pid() {
      return current.child.pid
    },
    dispatch,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true
        const run = current
        const timer = setTimeout(() => resolve(), closeTimeoutMs)
        whenClosed = () => {
          clearTimeout(timer)
          resolve()
        }
        if (run.alive) run.child.post({ type: 'close' })
        else resolve()
      }).finally(() => current.child.kill())
      return closed
    },
  }
}
