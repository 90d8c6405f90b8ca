import { contract, createClient, fail } from '@shared/contract'
import type { Dispatcher } from '../../../electron/core/ipc/dispatcher'
import { setDateLocale } from '../../../renderer/src/ui/dates'

/**
 * Runs before any component module is imported, so the renderer's api module finds
 * window.api as it would under the preload. Each test points it at its own real core.
 */
let current: Dispatcher | undefined

// Dates are written in the person's locale: tests pin one rather than inherit the machine's.
setDateLocale('en-US')

export function useDispatcher(dispatcher: Dispatcher | undefined): void {
  current = dispatcher
}

const inFlight = new Set<Promise<unknown>>()

/** The calls not yet answered, for settle() to wait on. */
export const callsInFlight = (): Promise<unknown>[] => [...inFlight]

window.api = createClient(contract, (channel, input) => {
  const call = current ? current.dispatch(channel, input) : Promise.resolve(fail('unavailable', 'No core is open in this test.'))
  inFlight.add(call)
  void call.finally(() => inFlight.delete(call))
  return call
})
