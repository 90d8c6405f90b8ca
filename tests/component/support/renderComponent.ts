import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { Component } from 'vue'
import { openTempCore } from '../../support/tempCore'
import { useDispatcher } from './componentSetup'

/**
 * Mounts components against a real core on a temp SQLite file, reached through window.api
 * exactly as the preload provides it in the desktop app.
 */
export async function withRealCore() {
  const core = await openTempCore()
  useDispatcher(core)
  const pinia = createPinia()
  setActivePinia(pinia)
  return {
    core,
    pinia,
    mount: <C extends Component>(component: C, options: ComponentMountingOptions<C> = {}) =>
      mount(component, { ...options, global: { ...options.global, plugins: [pinia, ...(options.global?.plugins ?? [])] } }),
    dispose() {
      useDispatcher(undefined)
      core.dispose()
    },
  }
}
