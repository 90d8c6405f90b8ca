import { afterEach, describe, expect, it } from 'vitest'
import TimelineView from '../../renderer/src/timeline/TimelineView.vue'
import { apiOf, must } from '../support/api'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('TimelineView', () => {
  it('says how far each goal is: a percentage, or the count of activities for a goal that counts them', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const api = apiOf(env.core)
    await must(api.goals.create({ title: 'Learn Kafka', startDate: '2027-01-01', targetDate: '2027-06-30', manualProgress: 30 }))
    await must(api.goals.create({ title: 'Ten merged PRs', startDate: '2027-01-01', targetDate: '2027-12-31', activityTarget: { count: 10, kinds: ['pull-request'], state: 'merged' } }))
    for (const date of ['2026-10-01', '2026-11-01']) await must(api.activities.create({ kind: 'pull-request', date, title: `Before the goal, ${date}`, state: 'merged' }))
    await must(api.activities.create({ kind: 'pull-request', date: '2027-01-10', title: 'Counted', state: 'merged' }))

    const router = await testRouter('/timeline')
    const wrapper = env.mount(TimelineView, { attachTo: document.body, global: { plugins: [router] } })
    await settle()

    const rows = wrapper.findAll('.label-row')
    expect(rows.map((r) => r.get('a').text())).toEqual(['Learn Kafka', 'Ten merged PRs'])
    expect(rows[0]?.text()).toContain('Active · 30% done · due Jun 30, 2027')
    // Only the PR inside the goal's dates counts.
    expect(rows[1]?.text()).toContain('Active · 1 of 10 merged pull requests · due Dec 31, 2027')
    const bars = wrapper.get('[aria-label="Goals on the timeline"]').findAll('button').map((b) => b.attributes('aria-label'))
    expect(bars).toEqual(['Move Learn Kafka: Jan 1, 2027 to Jun 30, 2027, 30% done', 'Move Ten merged PRs: Jan 1, 2027 to Dec 31, 2027, 1 of 10 merged pull requests'])
    wrapper.unmount()
  })

  it('opens a plan decades long in years, and the months are one click away', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const api = apiOf(env.core)
    const start = new Date().getFullYear()
    await must(api.goals.create({ title: 'Retire early', targetDate: `${start + 40}-06-30` }))

    const wrapper = env.mount(TimelineView, { attachTo: document.body, global: { plugins: [await testRouter('/timeline')] } })
    await settle()

    const scale = wrapper.get('[role="group"][aria-label="Scale"]')
    expect(scale.get('button[aria-pressed="true"]').text()).toBe('Years')
    const labels = wrapper.findAll('.column-label').map((c) => c.text())
    expect(labels).toHaveLength(41)
    expect(labels[0]).toBe(String(start))
    await scale.findAll('button').find((b) => b.text() === 'Months')?.trigger('click')
    expect(scale.get('button[aria-pressed="true"]').text()).toBe('Months')
    expect(wrapper.findAll('.column-label').length).toBeGreaterThan(400)
    wrapper.unmount()
  })
})
