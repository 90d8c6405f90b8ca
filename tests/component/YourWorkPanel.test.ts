import { afterEach, describe, expect, it, vi } from 'vitest'
import { useActivitiesStore } from '../../renderer/src/activities/useActivitiesStore'
import { api } from '../../renderer/src/api/client'
import YourWorkPanel from '../../renderer/src/dashboard/YourWorkPanel.vue'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

// Wednesday 2 December 2026, midday.
const now = new Date(2026, 11, 2, 12)

async function log(input: Parameters<typeof api.activities.create>[0]) {
  const made = await api.activities.create(input)
  if (!made.ok) throw new Error(made.error.message)
  return made.value
}

describe('the dashboard about me', () => {
  it('shows the week, the month, the streak and the recent wins, and a day of the heatmap opens that day', async () => {
    const env = await withRealCore({ now: () => now })
    dispose = env.dispose
    await log({ kind: 'pull-request', date: '2026-11-20', title: 'Stream backpressure fix', state: 'merged', url: 'https://github.com/nodejs/node/pull/1', impact: 'Halved memory under load' })
    await log({ kind: 'issue', date: '2026-11-30', title: 'Reported a leak', state: 'open' })
    await log({ kind: 'talk', date: '2026-12-01', title: 'Virtual threads at the JUG' })
    await log({ kind: 'learning', date: '2026-12-02', title: 'Read about B-trees' })
    await log({ kind: 'pull-request', date: '2026-12-02', title: 'Still open', state: 'open' })
    const router = await testRouter('/')
    const wrapper = env.mount(YourWorkPanel, { attachTo: document.body, global: { plugins: [router] } })
    await vi.waitFor(() => expect(wrapper.find('.figures').exists()).toBe(true))
    await settle()

    const figures = Object.fromEntries(wrapper.findAll('.figure').map((f) => [f.get('dt').text(), f.findAll('dd').map((d) => d.text()).join(' ')]))
    expect(figures).toEqual({ 'This week': '4', 'This month': '3', Streak: '3 days in a row' })
    // Wins are merged PRs, certifications and talks only, newest first, with why they mattered.
    expect(wrapper.findAll('.win-title').map((w) => w.text())).toEqual(['Virtual threads at the JUG', 'Stream backpressure fix'])
    expect(wrapper.get('.win a').attributes('href')).toBe('https://github.com/nodejs/node/pull/1')
    expect(wrapper.text()).toContain('Halved memory under load')

    // Twelve weeks up to today; today is the one cell in the tab order.
    const cells = wrapper.findAll('button.day')
    expect(cells).toHaveLength(11 * 7 + 3)
    const today = wrapper.get('button.day[tabindex="0"]')
    expect(today.attributes('aria-label')).toBe('2 contributions on Wed, Dec 2, 2026')
    await today.trigger('keydown', { key: 'ArrowUp' })
    await settle()
    expect(document.activeElement?.getAttribute('data-date')).toBe('2026-12-01')

    await wrapper.get('button.day[data-date="2026-11-30"]').trigger('click')
    // The list's view loads lazily (its first load compiles the charts too), so the navigation ends later.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/activities'), { timeout: 10_000 })
    expect(useActivitiesStore().filter).toMatchObject({ from: '2026-11-30', to: '2026-11-30', kinds: [] })
    wrapper.unmount()
  })

  it('offers the first activity to an empty log', async () => {
    const env = await withRealCore({ now: () => now })
    dispose = env.dispose
    const router = await testRouter('/')
    const wrapper = env.mount(YourWorkPanel, { attachTo: document.body, global: { plugins: [router] } })
    await vi.waitFor(() => expect(wrapper.find('.figures').exists()).toBe(true))
    await settle()
    expect(wrapper.text()).toContain('Nothing logged yet.')
    expect(wrapper.text()).toContain('None yet')
    await wrapper.get('button.link-button').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/activities?new=1'), { timeout: 10_000 })
    wrapper.unmount()
  })
})
