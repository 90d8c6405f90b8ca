import { afterEach, describe, expect, it } from 'vitest'
import ActivityInsights from '../../renderer/src/activities/ActivityInsights.vue'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

// Friday 5 March 2027, local time: the heatmap ends today.
const now = new Date(2027, 2, 5, 12)

describe('the activity insights', () => {
  it('describe the heatmap, streaks, months, repositories and strategies in words', async () => {
    const env = await withRealCore({ now: () => now })
    dispose = env.dispose
    const log = async (input: Record<string, unknown>) => {
      const result = await env.core.dispatch('activities.create', input)
      if (!result.ok) throw new Error(result.error.message)
    }
    await log({ kind: 'pull-request', date: '2027-03-04', title: 'Fix async error handling in router', repo: 'expressjs/express', state: 'merged' })
    await log({ kind: 'issue', date: '2027-03-04', title: 'Unhandled rejection in async handler', repo: 'expressjs/express', state: 'closed' })
    await log({ kind: 'blog-post', date: '2027-03-03', title: 'Error handling patterns in async Node.js' })
    await log({ kind: 'meetup', date: '2027-03-02', title: 'Node.js Berlin meetup' })
    await log({ kind: 'learning', date: '2027-01-10', title: 'Streams course, chapter 4' })

    const router = await testRouter('/activities/insights')
    const wrapper = env.mount(ActivityInsights, { attachTo: document.body, global: { plugins: [router] } })
    await settle()

    expect(wrapper.get('h2').text()).toBe('5 contributions in the last 12 months')
    expect(wrapper.get('[data-testid="heatmap-summary"]').text()).toBe(
      '5 contributions on 4 days from Mar 6, 2026 to Mar 5, 2027. Busiest day: 2 contributions, Thu, Mar 4, 2027.',
    )

    // The calendar is a slider over its days: the value text is the day's tooltip.
    const calendar = wrapper.get('[role="slider"]')
    expect(calendar.attributes('aria-label')).toBe('Contribution heatmap')
    expect(calendar.attributes('aria-valuetext')).toBe('No contributions on Fri, Mar 5, 2027')
    await calendar.trigger('keydown', { key: 'ArrowUp' })
    expect(calendar.attributes('aria-valuetext')).toBe('2 contributions on Thu, Mar 4, 2027')
    await calendar.trigger('keydown', { key: 'ArrowLeft' })
    expect(calendar.attributes('aria-valuetext')).toBe('No contributions on Thu, Feb 25, 2027')

    const rows = wrapper.findAll('[data-testid="heatmap-table"] tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))
    expect(rows).toHaveLength(12)
    expect(rows[0]).toEqual(['April 2026', '0', '0'])
    expect(rows.find((r) => r[0] === 'January 2027')).toEqual(['January 2027', '1', '1'])
    expect(rows.at(-1)).toEqual(['March 2027', '4', '3'])
    expect(wrapper.get('[role="img"]').attributes('aria-label')).toBe(
      'Activities per month, April 2026 to March 2027: 5 activities in all; the busiest month was March 2027 with 4.',
    )

    const tiles = wrapper.findAll('[aria-label="Streaks"] li').map((li) => li.text())
    expect(tiles).toEqual([
      'Current streak3 daysMar 2 – 4, 2027',
      'Longest streak3 daysMar 2 – 4, 2027',
      // 2–4 March is one week (weeks start on Monday); the first of two equal runs counts as the longest.
      'Current weekly streak1 weekMar 2 – 4, 2027',
      'Longest weekly streak1 weekJan 10, 2027',
    ])

    expect(wrapper.findAll('.repo-name').map((r) => r.text())).toEqual(['expressjs/express'])
    const sentences = wrapper.findAll('.sentence').map((p) => p.text())
    expect(sentences).toContain('Engage in Open Source Projects: 1 merged PR and 1 issue in 1 repository this year')
    expect(sentences).toContain('Write Technical Blogs: 1 blog post this year')
    wrapper.unmount()
  })
})
