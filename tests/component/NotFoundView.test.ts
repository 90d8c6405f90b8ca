import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createRouter, createWebHashHistory, RouterView } from 'vue-router'
import { routes } from '../../renderer/src/router'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

/** The app's router outlet alone: what a person sees for an address. */
const Outlet = defineComponent({ render: () => h(RouterView) })

describe('an unknown address', () => {
  it('shows a page that says so and leads back to the app, instead of nothing', async () => {
    const router = await testRouter('/no-such-page?x=1')
    const wrapper = mount(Outlet, { global: { plugins: [router] } })
    await settle()

    expect(router.currentRoute.value.name).toBe('not-found')
    expect(wrapper.get('h1').text()).toBe('There is no page here')
    expect(wrapper.text()).toContain('/no-such-page?x=1')
    const links = wrapper.findAll('a')
    expect(links.find((a) => a.text() === 'Open the dashboard')?.attributes('href')).toBe('/')
    expect(wrapper.get('nav[aria-label="Every view"]').findAll('a').map((a) => a.text())).toContain('Roadmap')
    // Opened straight at the address: there is no page of ours to go back to.
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('offers to go back when a link inside the app led there', async () => {
    // The app's own history (the memory one of the other tests keeps no "back").
    const router = createRouter({ history: createWebHashHistory(), routes })
    await router.push('/roadmap')
    await router.push('/items/x/oops')
    // Going back draws the roadmap, which has a store.
    const wrapper = mount(Outlet, { global: { plugins: [router, createPinia()] } })
    await settle()
    await wrapper.get('button').trigger('click')
    await settle()
    await expect.poll(() => router.currentRoute.value.path).toBe('/roadmap')
    wrapper.unmount()
  })
})
