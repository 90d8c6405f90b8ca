import { afterEach } from 'vitest'
import type { CoreOptions } from '../../electron/core/core'
import { apiOf } from './api'
import { openTempCore } from './tempCore'

/**
 * Clean-up for one test file, registered here with afterEach: `defer(fn)` runs fn after the
 * current test; `open(options)` is openTempCore, disposed after the test; `openClocked(start)`
 * adds the typed client and a clock the test moves with `clock.now = new Date(...)`.
 */
export function useTempCores() {
  let disposers: (() => void)[] = []
  afterEach(() => {
    disposers.forEach((d) => d())
    disposers = []
  })
  const defer = (dispose: () => void): void => {
    disposers.push(dispose)
  }
  const open = async (overrides: Partial<CoreOptions> = {}) => {
    const core = await openTempCore(overrides)
    defer(core.dispose)
    return core
  }
  const openClocked = async (start = '2026-11-25T12:00:00Z') => {
    const clock = { now: new Date(start) }
    const core = await open({ now: () => clock.now })
    return { core, api: apiOf(core), clock }
  }
  return { defer, open, openClocked }
}
