import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import type { CoreOptions } from '../../../electron/core/core'
import { openTempCore } from '../../support/tempCore'
import { useDispatcher } from './componentSetup'

/**
 * Mounts components against a real core on a temp SQLite file, reached through window.api
 * exactly as the preload provides it in the desktop app. `options` reach the core (a fixed
 * clock with `now`).
 */
export async function withRealCore(options: Partial<CoreOptions> = {}) {
  const core = await openTempCore(options)
  useDispatcher(core)
  const pinia = createPinia()
  setActivePinia(pinia)
  return {
    core,
    pinia,
    mount: <C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) =>
      mount(component, { ...options, global: { ...options.global, plugins: [pinia, ...(options.global?.plugins ?? [])] } }),
    dispose() {
      // Stores outlive the components that used them; a timer one left running would call the
      // next test's core. Disposing them stops their effects and timers (onScopeDispose).
      for (const store of [...pinia._s.values()]) store.$dispose()
      useDispatcher(undefined)
      core.dispose()
    },
  }
}
