import { fail, type Result } from '@shared/contract'
import type { Core } from '../core'
import { openWithRecovery, type RecoveryChoice } from '../host/openWithRecovery'
import type { Logger } from '../ipc/handle'
import { StoreOpenError } from '../store/storeOpenError'
import { fromCore, toCore, type FromCore, type HostRequest, type OpenOptions, type Wire } from './messages'
import { remoteHost } from './remoteHost'
import { storeOpenFailureOf } from './storeOpenFailure'

const recoveryChoice = (value: unknown): RecoveryChoice => (value === 'restore' || value === 'start-fresh' ? value : 'quit')

/**
 * The core's side of the process protocol: opens the store when main says so, answers calls,
 * and asks main for what only main may do. Runs in Electron's utility process and, in tests
 * and the benchmark, in a Node child: the wire is all it knows of either.
 */
export function serveCore(wire: Wire<FromCore>, log: Logger = console): { closed: Promise<void>; close(): Promise<void> } {
  let core: Core | null = null
  let closing = false
  const inFlight = new Set<Promise<void>>()
  const asked = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let nextAsk = 1
  let markClosed: () => void = () => {}
  const closed = new Promise<void>((resolve) => (markClosed = resolve))
  // Checked on the way out too: a message that would not parse on main's side fails here, with its stack.
  const post = (message: FromCore) => wire.post(fromCore.parse(message))

  const ask = (request: HostRequest) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextAsk++
      asked.set(id, { resolve, reject })
      post({ type: 'host', id, request })
    })

  async function open(options: OpenOptions): Promise<void> {
    const host = remoteHost(options.host, ask)
    try {
      core = await openWithRecovery({ dataDir: options.dataDir, contentDir: options.contentDir, host, log }, async (error) =>
        recoveryChoice(await ask({ op: 'recover', failure: storeOpenFailureOf(error) })),
      )
      post(core ? { type: 'ready', channels: [...core.channels] } : { type: 'declined' })
    } catch (error) {
      if (error instanceof StoreOpenError) post({ type: 'open-failed', failure: storeOpenFailureOf(error), message: error.message })
      else post({ type: 'open-failed', failure: null, message: error instanceof Error ? error.message : String(error) })
    }
  }

  async function call(id: number, channel: string, input: unknown): Promise<void> {
    let result: Result<unknown>
    if (!core || closing) result = fail('unavailable', 'Pathfinder is closing; try again when it has started.')
    else {
      try {
        result = await core.dispatch(channel, input)
      } catch (error) {
        log.error('Unexpected failure in the core process', error)
        result = fail('internal', 'Something went wrong on our side. Your data is unchanged; please try again.')
      }
    }
    post({ type: 'result', id, result })
  }

  /** Answers what was asked, closes the store (releasing the folder's lock) and says so. */
  async function close(): Promise<void> {
    if (closing) return closed
    closing = true
    await Promise.allSettled([...inFlight])
    core?.close()
    core = null
    post({ type: 'closed' })
    markClosed()
  }

  wire.onMessage((raw) => {
    const parsed = toCore.safeParse(raw)
    if (!parsed.success) {
      log.error('The core process ignored a message it could not read', parsed.error.message)
      return
    }
    const message = parsed.data
    if (message.type === 'host-result') {
      const waiting = asked.get(message.id)
      asked.delete(message.id)
      if (message.answer.ok) waiting?.resolve(message.answer.value)
      else waiting?.reject(new Error(message.answer.message))
      return
    }
    const work = message.type === 'open' ? open(message.options) : message.type === 'call' ? call(message.id, message.channel, message.input) : close()
    inFlight.add(work)
    void work.finally(() => inFlight.delete(work))
  })
  post({ type: 'started' })
  return { closed, close }
}
