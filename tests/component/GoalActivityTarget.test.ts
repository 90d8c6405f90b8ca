import { afterEach, describe, expect, it } from 'vitest'
import GoalsView from '../../renderer/src/goals/GoalsView.vue'
import { useGoalsStore } from '../../renderer/src/goals/useGoalsStore'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
let unmount: (() => void) | undefined
afterEach(() => {
  // A failed test leaves no dialog behind for the next to find.
  unmount?.()
  unmount = undefined
  dispose?.()
})

/** The messages a control points at through aria-describedby. */
function describedBy(el: Element): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ')
}

/** A control by its visible label, as a person finds it. */
function byLabel(text: string): HTMLElement {
  // A required field's label ends in " *".
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim().replace(/ \*$/, '') === text)
  const control = label?.htmlFor ? document.getElementById(label.htmlFor) : label?.querySelector('input')
  if (!control) throw new Error(`No control labelled "${text}"`)
  return control
}

async function type(el: HTMLElement, value: string) {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) throw new Error('not a form control')
  el.value = value
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'))
  await settle()
}

describe('a goal that counts activities, in the goal form and on its card', () => {
  it('refuses a bad target count in the contract’s words, then saves "10 merged PRs in 2027" and shows 7 of 10', async () => {
    const env = await withRealCore({ now: () => new Date('2027-06-15T12:00:00Z') })
    dispose = env.dispose
    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [router] } })
    unmount = () => wrapper.unmount()
    await settle()

    const newGoal = wrapper.findAll('button').find((b) => b.text() === 'New goal')
    await newGoal?.trigger('click')
    await settle()
    const form = () => wrapper.get('form#goal-form')

    await type(byLabel('Title'), '10 merged PRs in 2027')
    await type(byLabel('Start date'), '2027-01-01')
    await type(byLabel('Target date'), '2027-12-31')
    // Before the option is ticked, progress is set by hand.
    expect(form().text()).toContain('Progress, set by hand')
    const option = byLabel('Count activities')
    if (!(option instanceof HTMLInputElement)) throw new Error('a checkbox expected')
    option.click()
    await settle()
    expect(form().text()).not.toContain('Progress, set by hand')
    // The example is the starting point: pull requests, merged.
    expect(byLabel('State')).toHaveProperty('value', 'merged')
    expect(form().text()).toContain('Counts merged pull requests from Jan 1, 2027 to Dec 31, 2027.')

    // No count yet: refused beside the field, in the schema's words, and nothing stored.
    await form().trigger('submit')
    await settle()
    const count = byLabel('Target count')
    expect(count.getAttribute('aria-invalid')).toBe('true')
    expect(describedBy(count)).toContain('The target count must be a whole number from 1 to 100,000')
    expect(document.activeElement).toBe(count)
    await type(count, '100001')
    expect(describedBy(count)).toContain('The target count must be a whole number from 1 to 100,000')
    await type(count, '2.5')
    expect(count.getAttribute('aria-invalid')).toBe('true')
    expect(env.core.db.prepare('SELECT count(*) AS n FROM goal').get()).toEqual({ n: 0 })

    // Fixed, the message goes as the user types, and the goal saves with its target.
    await type(count, '10')
    expect(count.getAttribute('aria-invalid')).toBeNull()
    await type(byLabel('Repository'), '  expressjs/express ')
    await form().trigger('submit')
    await settle()
    expect(env.core.db.prepare('SELECT target_count, kinds, state, repo, skill_id, from_date, to_date FROM goal_activity_target').all()).toEqual([
      { target_count: 10, kinds: '["pull-request"]', state: 'merged', repo: 'expressjs/express', skill_id: null, from_date: null, to_date: null },
    ])

    // Seven merged PRs in 2027 count; an open one, one from 2026 and one elsewhere do not.
    const log = async (date: string, state: string, repo = 'expressjs/express') =>
      expect((await env.core.dispatch('activities.create', { kind: 'pull-request', date, title: `PR ${date}`, repo, state })).ok).toBe(true)
    for (let day = 1; day <= 7; day += 1) await log(`2027-02-0${day}`, 'merged')
    await log('2027-02-08', 'open')
    await log('2026-12-30', 'merged')
    await log('2027-02-09', 'merged', 'nodejs/node')
    await useGoalsStore().load()
    await settle()

    const card = wrapper.get('article[data-goal-id]')
    expect(card.text()).toContain('7 of 10 merged pull requests')
    expect(card.text()).toContain('in expressjs/express')
    // The count is in the bar's name, so a screen reader hears it with the percentage.
    const bar = card.get('[role="progressbar"][aria-label="Progress of 10 merged PRs in 2027: 7 of 10 merged pull requests"]')
    expect(bar.attributes('aria-valuenow')).toBe('70')
  })

  it('edits the target with the same rules, offers only states the kinds have, and clears it when unticked', async () => {
    const env = await withRealCore({ now: () => new Date('2027-06-15T12:00:00Z') })
    dispose = env.dispose
    const created = await env.core.dispatch('goals.create', {
      title: 'Write about it',
      startDate: '2027-01-01',
      manualProgress: 40,
      activityTarget: { count: 4, kinds: ['pull-request'], state: 'merged' },
    })
    expect(created.ok).toBe(true)
    expect((await env.core.dispatch('activities.create', { kind: 'blog-post', date: '2027-03-01', title: 'On streams' })).ok).toBe(true)
    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [router] } })
    unmount = () => wrapper.unmount()
    await settle()
    expect(wrapper.get('article[data-goal-id]').text()).toContain('0 of 4 merged pull requests')

    await wrapper.get('button[aria-label="Edit Write about it"]').trigger('click')
    await settle()
    const form = () => wrapper.get('form#goal-form')
    expect(byLabel('Count activities')).toHaveProperty('checked', true)
    expect(byLabel('Target count')).toHaveProperty('value', '4')

    // Blog posts instead of PRs: no state to pick, so none is sent.
    const chip = (text: string) => {
      const box = [...document.querySelectorAll<HTMLLabelElement>('.chip')].find((l) => l.textContent?.trim() === text)?.querySelector('input')
      if (!box) throw new Error(`no chip ${text}`)
      return box
    }
    chip('Pull requests').click()
    await settle()
    chip('Blog posts').click()
    await settle()
    expect(form().find('select option[value="merged"]').exists()).toBe(false)
    expect(form().text()).toContain('Counts blog posts from Jan 1, 2027 on.')

    await type(byLabel('Target count'), '0')
    await form().trigger('submit')
    await settle()
    expect(describedBy(byLabel('Target count'))).toContain('The target count must be a whole number from 1 to 100,000')
    expect(env.core.db.prepare('SELECT target_count, kinds, state FROM goal_activity_target').get()).toEqual({ target_count: 4, kinds: '["pull-request"]', state: 'merged' })

    await type(byLabel('Target count'), '2')
    await form().trigger('submit')
    await settle()
    expect(env.core.db.prepare('SELECT target_count, kinds, state FROM goal_activity_target').get()).toEqual({ target_count: 2, kinds: '["blog-post"]', state: null })
    expect(wrapper.get('article[data-goal-id]').text()).toContain('1 of 2 blog posts')
    expect(wrapper.get('[role="progressbar"][aria-label="Progress of Write about it: 1 of 2 blog posts"]').attributes('aria-valuenow')).toBe('50')

    // Unticked: the target goes, and the percentage set by hand counts again.
    await wrapper.get('button[aria-label="Edit Write about it"]').trigger('click')
    await settle()
    const option = byLabel('Count activities')
    if (!(option instanceof HTMLInputElement)) throw new Error('a checkbox expected')
    option.click()
    await settle()
    expect(form().text()).toContain('Progress, set by hand')
    await form().trigger('submit')
    await settle()
    expect(env.core.db.prepare('SELECT count(*) AS n FROM goal_activity_target').get()).toEqual({ n: 0 })
    expect(wrapper.get('[role="progressbar"][aria-label="Progress of Write about it"]').attributes('aria-valuenow')).toBe('40')
    expect(wrapper.get('article[data-goal-id]').text()).not.toContain('blog posts')
  })
})
