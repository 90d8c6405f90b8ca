import { channelName, fail, type Result } from '@shared/contract'

interface Runnable {
  run(raw: unknown): Promise<Result<unknown>>
}

export interface Dispatcher {
  /** Every channel name the contract declares, e.g. "roadmap.setStatus". */
  readonly channels: readonly string[]
  dispatch(name: string, input: unknown): Promise<Result<unknown>>
}

/**
 * One table from channel name to bound handler, shared by the Electron IPC bridge and the
 * web host, so both transports run exactly the same code after the wire.
 */
export function createDispatcher(handlers: Record<string, Record<string, Runnable>>): Dispatcher {
  const table = new Map<string, Runnable>()
  for (const [ns, methods] of Object.entries(handlers)) {
    for (const [method, bound] of Object.entries(methods)) table.set(channelName(ns, method), bound)
  }
  return {
    channels: [...table.keys()],
    async dispatch(name, input) {
      // Own-property lookup in a Map: "__proto__" or "constructor" can never reach a handler.
      const bound = table.get(name)
      if (!bound) return fail('unknown-channel', `There is no action called "${String(name).slice(0, 80)}".`)
      return bound.run(input)
    },
  }
}
