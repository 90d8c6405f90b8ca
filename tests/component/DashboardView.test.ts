import { afterEach, describe, expect, it } from 'vitest'
import DashboardView from '../../renderer/src/dashboard/DashboardView.vue'
import { apiOf, must } from '../support/api'
import { useDispatcher } from './support/componentSetup'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('DashboardView', () => {
  it('greets a new user who skipped the introduction with a track chooser, and follows the track they pick', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    await must(apiOf(env.core).profile.finishOnboarding(undefined))
    const router = await testRouter('/')
    const wrapper = env.mount(DashboardView, { attachTo: document.body, global: { plugins: [router] } })
    await settle()

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
    await settle()

    expect(wrapper.text()).not.toContain('Where are you heading?')
    expect(wrapper.get('#targets-title').text()).toBe('Your targets')
    expect(wrapper.get('[role="progressbar"][aria-label="Progress of Java Developer"]').attributes('aria-valuenow')).toBe('0')
    expect(wrapper.get('[aria-labelledby="next-title"]').findAll('a').map((a) => a.text())).toEqual(['Java', 'Spring Framework'])
    const stored = await env.core.dispatch('roadmap.get', {})
    expect(stored.ok && stored.value).toMatchObject({ chosenTrackIds: ['track.java'] })
    wrapper.unmount()
  })

  it('lists active goals from the summary alone, without loading every goal', async () => {
    const env = await withRealCore({ now: () => new Date('2026-11-25T12:00:00Z') })
    dispose = env.dispose
    const api = apiOf(env.core)
    const late = await must(api.goals.create({ title: 'Ship the billing service', startDate: '2026-10-01', targetDate: '2026-11-20', milestones: [{ title: 'Design' }, { title: 'Build' }] }))
    await must(api.goals.toggleMilestone({ milestoneId: late.milestones[0]?.id ?? 0 }))
    await must(api.goals.create({ title: 'Learn Kafka', targetDate: '2026-12-10', manualProgress: 30 }))
    await must(api.goals.create({ title: 'Write a book', status: 'paused' }))
    await must(api.goals.create({ title: 'Pass the AWS exam', status: 'done' }))
    const archived = await must(api.goals.create({ title: 'Old plan' }))
    await must(api.goals.archive({ goalId: archived.id }))
    // The same core, with every channel the view asks for written down.
    const asked: string[] = []
    useDispatcher({
      channels: env.core.channels,
      dispatch: (name, input) => {
        asked.push(name)
        return env.core.dispatch(name, input)
      },
    })

    const router = await testRouter('/')
    const wrapper = env.mount(DashboardView, { attachTo: document.body, global: { plugins: [router] } })
    await settle()

    const panel = wrapper.get('[aria-labelledby="active-title"]')
    expect(panel.findAll('li a').map((a) => a.text())).toEqual(['Ship the billing service', 'Learn Kafka'])
    const [first, second] = panel.findAll('li')
    expect(first?.text()).toContain('Overdue')
    expect(first?.text()).toContain('1 of 2 milestones')
    expect(first?.get('a').attributes('href')).toBe(`/goals?goal=${late.id}`)
    expect(second?.text()).toContain('by Dec 10, 2026')
    expect(panel.get('[role="progressbar"][aria-label="Progress of Learn Kafka"]').attributes('aria-valuenow')).toBe('30')
    expect(asked).not.toContain('goals.list')
    expect(asked).toContain('progress.summary')
    wrapper.unmount()
  })

  it('shows the six soonest active goals and points to the goals page for the rest', async () => {
    const env = await withRealCore({ now: () => new Date('2026-11-25T12:00:00Z') })
    dispose = env.dispose
    const api = apiOf(env.core)
    for (let month = 9; month >= 1; month--) await must(api.goals.create({ title: `Goal due in month ${month}`, targetDate: `2027-0${month}-15` }))

    const router = await testRouter('/')
    const wrapper = env.mount(DashboardView, { attachTo: document.body, global: { plugins: [router] } })
    await settle()

    const panel = wrapper.get('[aria-labelledby="active-title"]')
    expect(panel.findAll('li .title-link').map((a) => a.text())).toEqual([1, 2, 3, 4, 5, 6].map((m) => `Goal due in month ${m}`))
    expect(panel.text()).toContain('and 3 more on the goals page')
    expect(panel.findAll('a').map((a) => a.attributes('href'))).toContain('/goals')
    wrapper.unmount()
  })

  it('shows a goal that counts activities as a count beside its bars, in words and in the bars’ names', async () => {
    const env = await withRealCore({ now: () => new Date('2026-11-25T12:00:00Z') })
    dispose = env.dispose
    const api = apiOf(env.core)
    const target = { count: 10, kinds: ['pull-request' as const], state: 'merged' as const }
    await must(api.goals.create({ title: 'Ten merged PRs this year', startDate: '2026-01-01', targetDate: '2026-12-15', activityTarget: target }))
    await must(api.goals.create({ title: 'Two talks', startDate: '2026-01-01', targetDate: '2026-11-01', activityTarget: { count: 2, kinds: ['talk'] } }))
    for (const date of ['2026-03-01', '2026-05-01', '2026-07-01']) await must(api.activities.create({ kind: 'pull-request', date, title: `PR ${date}`, state: 'merged' }))
    await must(api.activities.create({ kind: 'pull-request', date: '2026-08-01', title: 'Still open', state: 'open' }))
    await must(api.activities.create({ kind: 'talk', date: '2026-06-01', title: 'Virtual threads' }))

    const router = await testRouter('/')
    const wrapper = env.mount(DashboardView, { attachTo: document.body, global: { plugins: [router] } })
    await settle()

    const due = wrapper.get('[aria-labelledby="due-title"]')
    expect(due.text()).toContain('3 of 10 merged pull requests')
    expect(due.get('[role="progressbar"][aria-label="Progress of Ten merged PRs this year: 3 of 10 merged pull requests"]').attributes('aria-valuenow')).toBe('30')
    const active = wrapper.get('[aria-labelledby="active-title"]')
    expect(active.get('[role="progressbar"][aria-label="Progress of Two talks: 1 of 2 talks"]').attributes('aria-valuenow')).toBe('50')
    expect(active.text()).toContain('1 of 2 talks')
    expect(wrapper.get('[aria-labelledby="attention-title"]').text()).toContain('Goal · target Nov 1, 2026 · 1 of 2 talks (50%)')
    wrapper.unmount()
  })

  it('lists a milestone due in the next 30 days beside the goals due then, soonest first', async () => {
    const env = await withRealCore({ now: () => new Date('2026-11-25T12:00:00Z') })
    dispose = env.dispose
    const api = apiOf(env.core)
    await must(api.goals.create({ title: 'Speak at a conference', targetDate: '2027-06-01', milestones: [{ title: 'Send the talk proposal', dueDate: '2026-12-13' }] }))
    await must(api.goals.create({ title: 'Learn Kafka', targetDate: '2026-12-10' }))

    const wrapper = env.mount(DashboardView, { attachTo: document.body, global: { plugins: [await testRouter('/')] } })
    await settle()

    const panel = wrapper.get('[aria-labelledby="due-title"]')
    expect(panel.text()).not.toContain('Nothing due')
    const rows = panel.findAll('li')
    expect(rows.map((li) => li.get('.deadline-text > :first-child').text())).toEqual(['Learn Kafka', 'Send the talk proposal'])
    expect(rows[1]?.text()).toContain('Milestone of Speak at a conference')
    expect(rows[1]?.text()).toContain('In 18 days')
    wrapper.unmount()
  })
})
