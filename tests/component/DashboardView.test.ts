import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import DashboardView from '../../renderer/src/dashboard/DashboardView.vue'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('DashboardView', () => {
  it('greets a new user with a track chooser, and follows the track they pick', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const router = await testRouter('/')
    const wrapper = env.mount(DashboardView, { attachTo: document.body, global: { plugins: [router] } })
    await flushPromises()

    expect(wrapper.get('h1').text()).toBe('Dashboard')
    expect(wrapper.text()).toContain('Where are you heading?')
    expect(wrapper.text()).toContain('$70,000 – $110,000 a year')
    expect(wrapper.find('#targets-title').exists()).toBe(false)
    const java = wrapper.get('button[aria-label="Target: Java Developer"]')
    expect(java.attributes('aria-pressed')).toBe('false')
    expect(wrapper.find('button[aria-label="Target: Node.js Developer"]').exists()).toBe(true)
    // Nothing is chosen yet, so there is nothing to work on next.
    expect(wrapper.get('[aria-labelledby="next-title"]').text()).toContain('Choose a target track above')

    await java.trigger('click')
    await flushPromises()

    expect(wrapper.text()).not.toContain('Where are you heading?')
    expect(wrapper.get('#targets-title').text()).toBe('Your targets')
    expect(wrapper.get('[role="progressbar"][aria-label="Progress of Java Developer"]').attributes('aria-valuenow')).toBe('0')
    expect(wrapper.get('[aria-labelledby="next-title"]').findAll('a').map((a) => a.text())).toEqual(['Java', 'Spring Framework'])
    const stored = await env.core.dispatch('roadmap.get', {})
    expect(stored.ok && stored.value).toMatchObject({ chosenTrackIds: ['track.java'] })
    wrapper.unmount()
  })
})
