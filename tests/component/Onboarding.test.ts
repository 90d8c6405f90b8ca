import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../renderer/src/api/client'
import DashboardView from '../../renderer/src/dashboard/DashboardView.vue'
import { useReportsStore } from '../../renderer/src/reports/useReportsStore'
import SettingsView from '../../renderer/src/settings/SettingsView.vue'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

function field(wrapper: VueWrapper, label: string): HTMLInputElement {
  const found = wrapper.findAll('label').find((l) => l.text().replace(/\s*\*$/, '') === label)
  const el = found ? document.getElementById(found.attributes('for') ?? '') : null
  if (!(el instanceof HTMLInputElement)) throw new Error(`No field labelled ${label}`)
  return el
}
async function type(el: HTMLInputElement, value: string) {
  el.value = value
  el.dispatchEvent(new Event('input'))
  await settle()
}
/** A button of the introduction card by its name. */
const button = (wrapper: VueWrapper, name: string) => {
  const found = wrapper.get('.onboarding').findAll('button').find((b) => b.text() === name || b.attributes('aria-label') === name)
  if (!found) throw new Error(`No button ${name}`)
  return found
}

const card = (wrapper: VueWrapper) => wrapper.get('.onboarding')

describe('the first run', () => {
  it('introduces itself once on an empty store: who I am, my targets, my commit emails, then the import dialog', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const router = await testRouter('/')
    const wrapper = env.mount(DashboardView, { attachTo: document.body, global: { plugins: [router] } })
    await vi.waitFor(() => expect(wrapper.find('#onboarding-title').exists()).toBe(true))
    const card = () => wrapper.get('.onboarding')
    expect(card().get('h2').text()).toBe('Who you are')

    // A bad email is refused in words beside its field, and nothing moves on.
    await type(field(wrapper, 'Your name'), 'Ada Lovelace')
    await type(field(wrapper, 'Job title'), 'Backend developer')
    await type(field(wrapper, 'Commit emails'), 'ada@example.com, not-an-email')
    await type(field(wrapper, 'GitHub username'), 'ada-l')
    await card().get('form').trigger('submit')
    await vi.waitFor(() => expect(card().find('[role="alert"]').exists()).toBe(true))
    expect(card().get('h2').text()).toBe('Who you are')
    expect(field(wrapper, 'Commit emails').getAttribute('aria-invalid')).toBe('true')

    await type(field(wrapper, 'Commit emails'), 'ada@example.com ada@work.example')
    await card().get('form').trigger('submit')
    // Two saves (the importers' identity, then the profile) before the next step.
    await vi.waitFor(() => expect(card().get('h2').text()).toBe('Where you are heading'))
    await button(wrapper, 'Target: Java Developer').trigger('click')
    await settle()
    await button(wrapper, 'Next').trigger('click')
    expect(card().get('h2').text()).toBe('Bring in your work')
    await button(wrapper, 'Open the import dialog').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/activities?import=1'), { timeout: 10_000 })

    // Everything landed where the rest of the app reads it.
    const profile = await api.profile.get(undefined)
    expect(profile.ok && profile.value).toEqual({ name: 'Ada Lovelace', jobTitle: 'Backend developer', onboarding: 'done' })
    const identity = await api.imports.settings(undefined)
    expect(identity.ok && identity.value).toMatchObject({ gitEmails: ['ada@example.com', 'ada@work.example'], githubUsername: 'ada-l' })
    const roadmap = await api.roadmap.get({})
    expect(roadmap.ok && roadmap.value.chosenTrackIds).toEqual(['track.java'])
    wrapper.unmount()
  })

  it('offers one track picker on the first screen: the introduction\'s, and the dashboard\'s own only once it is skipped', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const router = await testRouter('/')
    const wrapper = env.mount(DashboardView, { attachTo: document.body, global: { plugins: [router] } })
    await vi.waitFor(() => expect(wrapper.find('#onboarding-title').exists()).toBe(true))
    await settle()
    const javaPickers = () => wrapper.findAll('button[aria-label="Target: Java Developer"]')
    expect(wrapper.text()).not.toContain('Where are you heading?')
    // Step 1 asks who you are: no track button anywhere yet.
    expect(javaPickers()).toHaveLength(0)
    await card(wrapper).get('form').trigger('submit')
    await vi.waitFor(() => expect(card(wrapper).get('h2').text()).toBe('Where you are heading'))
    expect(javaPickers()).toHaveLength(1)

    await button(wrapper, 'Skip the introduction').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('.onboarding').exists()).toBe(false))
    expect(wrapper.text()).toContain('Where are you heading?')
    expect(javaPickers()).toHaveLength(1)
    wrapper.unmount()
  })

  it('is skipped for good, and Settings holds the profile afterwards', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const router = await testRouter('/')
    const dashboard = env.mount(DashboardView, { attachTo: document.body, global: { plugins: [router] } })
    await vi.waitFor(() => expect(dashboard.find('#onboarding-title').exists()).toBe(true))
    await button(dashboard, 'Skip the introduction').trigger('click')
    await vi.waitFor(() => expect(dashboard.find('.onboarding').exists()).toBe(false))
    dashboard.unmount()
    const again = await api.profile.get(undefined)
    expect(again.ok && again.value.onboarding).toBe('done')

    await router.push('/settings')
    const settings = env.mount(SettingsView, { attachTo: document.body, global: { plugins: [router] } })
    await vi.waitFor(() => expect(settings.find('#profile-title').exists()).toBe(true))
    await settle()
    await type(field(settings, 'Your name'), 'Grace Hopper')
    await settings.get('.profile-form').trigger('submit')
    await vi.waitFor(async () => {
      const saved = await api.profile.get(undefined)
      expect(saved.ok && saved.value.name).toBe('Grace Hopper')
    })
    // A first report is signed with the profile's name.
    localStorage.clear()
    const reports = useReportsStore()
    await vi.waitFor(() => expect(reports.authorName).toBe('Grace Hopper'))
    settings.unmount()
  })
})
