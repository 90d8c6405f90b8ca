import { flushPromises } from '@vue/test-utils'
import { callsInFlight } from './componentSetup'

/**
 * Waits until every call the components made has been answered and the page has drawn it. A
 * call may do real I/O (a new store's first change is backed up before it is answered), which
 * flushPromises alone does not wait for.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await flushPromises()
    const pending = callsInFlight()
    if (pending.length === 0) return
    await Promise.allSettled(pending)
  }
  throw new Error('Calls were still being made after 50 rounds: a component keeps calling the core.')
}
