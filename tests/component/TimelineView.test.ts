import { afterEach, describe, expect, it } from 'vitest'
import { useNoticeStore } from '../../renderer/src/ui/useNoticeStore'
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

  it('moves and resizes a bar by keys a month at a time, saved through the goals channel, each with an Undo', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const api = apiOf(env.core)
    const goal = await must(api.goals.create({ title: 'Learn Kafka', startDate: '2027-01-15', targetDate: '2027-06-30' }))
    const wrapper = env.mount(TimelineView, { attachTo: document.body, global: { plugins: [await testRouter('/timeline')] } })
    await settle()
    const stored = () => env.core.db.prepare('SELECT start_date AS s, target_date AS t FROM goal WHERE id = ?').get(goal.id)
    const bar = () => wrapper.get('button.bar')
    expect(document.getElementById(bar().attributes('aria-describedby') ?? '')?.textContent).toContain('moves it a month')

    await bar().trigger('keydown', { key: 'ArrowRight', altKey: true })
    await settle()
    expect(stored()).toEqual({ s: '2027-02-15', t: '2027-07-30' })
    expect(bar().attributes('aria-label')).toBe('Move Learn Kafka: Feb 15, 2027 to Jul 30, 2027, 0% done')
    await bar().trigger('keydown', { key: 'ArrowLeft', shiftKey: true })
    await settle()
    expect(stored()).toEqual({ s: '2027-02-15', t: '2027-06-30' })
    await bar().trigger('keydown', { key: 'ArrowLeft', altKey: true, shiftKey: true })
    await settle()
    expect(stored()).toEqual({ s: '2027-01-15', t: '2027-06-30' })
    // Plain arrows stay the page's: nothing moves.
    await bar().trigger('keydown', { key: 'ArrowRight' })
    await settle()
    expect(stored()).toEqual({ s: '2027-01-15', t: '2027-06-30' })

    const notices = useNoticeStore().notices
    expect(notices.at(-1)?.message).toBe('Moved “Learn Kafka”: Jan 15, 2027 to Jun 30, 2027.')
    // Undo puts the start back where the last key found it.
    await notices.at(-1)?.action?.run()
    await settle()
    expect(stored()).toEqual({ s: '2027-02-15', t: '2027-06-30' })
    wrapper.unmount()
  })

  it('drags a bar to move it and its end to change the target date; a press without a drag opens the dates dialog', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const api = apiOf(env.core)
    const goal = await must(api.goals.create({ title: 'Learn Kafka', startDate: '2027-01-15', targetDate: '2027-06-30' }))
    const wrapper = env.mount(TimelineView, { attachTo: document.body, global: { plugins: [await testRouter('/timeline')] } })
    await settle()
    const stored = () => env.core.db.prepare('SELECT start_date AS s, target_date AS t FROM goal WHERE id = ?').get(goal.id)
    // happy-dom lays nothing out: the plot one pixel a day (it says how many days its axis has), the bar at x 500-700.
    const plot = wrapper.get('.rows').element
    const place = (el: Element, left: number, width: number) =>
      Object.defineProperty(el, 'getBoundingClientRect', { configurable: true, value: () => ({ left, width, top: 0, height: 26, right: left + width, bottom: 26, x: left, y: 0 }) })
    const bar = () => wrapper.get('button.bar')
    const dragBy = async (fromX: number, dx: number) => {
      place(plot, 0, Number(plot.getAttribute('data-days')))
      place(bar().element, 500, 200)
      await bar().trigger('pointerdown', { button: 0, clientX: fromX, pointerId: 1 })
      await bar().trigger('pointermove', { clientX: fromX + dx / 2, pointerId: 1 })
      await bar().trigger('pointermove', { clientX: fromX + dx, pointerId: 1 })
      await bar().trigger('pointerup', { clientX: fromX + dx, pointerId: 1 })
      await bar().trigger('click')
      await settle()
    }

    await dragBy(600, 10)
    expect(stored()).toEqual({ s: '2027-01-25', t: '2027-07-10' })
    expect(document.querySelector('dialog[open]')).toBeNull()
    const lastNotice = () => useNoticeStore().notices.at(-1)
    expect(lastNotice()?.message).toBe('Moved “Learn Kafka”: Jan 25, 2027 to Jul 10, 2027.')

    // Grabbed by its right end: only the target date moves.
    await dragBy(697, -10)
    expect(stored()).toEqual({ s: '2027-01-25', t: '2027-06-30' })

    await lastNotice()?.action?.run()
    await settle()
    expect(stored()).toEqual({ s: '2027-01-25', t: '2027-07-10' })

    // Down and up in place is a click: the dates dialog opens, nothing is saved.
    await dragBy(600, 0)
    expect(stored()).toEqual({ s: '2027-01-25', t: '2027-07-10' })
    expect(document.querySelector('dialog[open]')?.textContent).toContain('Move “Learn Kafka”')
    wrapper.unmount()
  })
})
