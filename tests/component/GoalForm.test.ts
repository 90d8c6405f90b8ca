import { afterEach, describe, expect, it } from 'vitest'
import GoalFormDialog from '../../renderer/src/goals/GoalFormDialog.vue'
import ItemView from '../../renderer/src/roadmap/ItemView.vue'
import { useRoadmapStore } from '../../renderer/src/roadmap/useRoadmapStore'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

/** The message a control points at through aria-describedby. */
function describedBy(el: Element): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ')
}

describe('the goal form', () => {
  it('refuses an empty title and a target before the start, in the contract’s words, and stores nothing', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalFormDialog, { props: { open: true, goal: null }, attachTo: document.body, global: { plugins: [router] } })
    await settle()

    await wrapper.get('form#goal-form').trigger('submit')
    await settle()
    const titleInput = wrapper.get('input[aria-required="true"]')
    expect(titleInput.attributes('aria-invalid')).toBe('true')
    expect(describedBy(titleInput.element)).toBe('A title is required')
    expect(wrapper.get('[role="alert"]').text()).toContain('Some fields need a second look.')

    await titleInput.setValue('Learn the Spring Framework')
    const [start, target] = wrapper.findAll('input[type="date"]')
    await start?.setValue('2027-05-01')
    await target?.setValue('2027-04-01')
    await wrapper.get('form#goal-form').trigger('submit')
    await settle()

    expect(titleInput.attributes('aria-invalid')).toBeUndefined()
    expect(target?.attributes('aria-invalid')).toBe('true')
    expect(describedBy(target?.element ?? document.body)).toContain('The target date must be on or after the start date')
    expect(env.core.db.prepare('SELECT count(*) AS n FROM goal').get()).toEqual({ n: 0 })

    // Fixed, it saves.
    await target?.setValue('2027-08-01')
    await wrapper.get('form#goal-form').trigger('submit')
    await settle()
    expect(wrapper.emitted('saved')).toHaveLength(1)
    expect(env.core.db.prepare('SELECT title, start_date, target_date FROM goal').all()).toEqual([
      { title: 'Learn the Spring Framework', start_date: '2027-05-01', target_date: '2027-08-01' },
    ])
    wrapper.unmount()
  })

  it('refuses a level of 7 beside the level control, and the core refuses it too', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const router = await testRouter('/items/skill.java')
    const wrapper = env.mount(ItemView, { props: { id: 'skill.java' }, attachTo: document.body, global: { plugins: [router] } })
    await settle()

    await useRoadmapStore().setLevel('skill.java', 7)
    await settle()
    const level = wrapper.get('select[aria-label="Level of Java"]')
    expect(level.attributes('aria-invalid')).toBe('true')
    expect(describedBy(level.element)).toBe('The level must be a whole number from 0 to 5')
    expect(env.core.db.prepare("SELECT level FROM item_state WHERE item_id = 'skill.java'").get()).toBeUndefined()

    // The contract holds the same line for any caller that skips the form.
    const refused = await env.core.dispatch('roadmap.setLevel', { itemId: 'skill.java', level: 7 })
    expect(refused.ok ? 'saved' : refused.error.issues?.[0]?.message).toBe('The level must be a whole number from 0 to 5')

    // A valid level clears the message and is stored.
    await level.setValue('3')
    await settle()
    expect(level.attributes('aria-invalid')).toBeUndefined()
    expect(env.core.db.prepare("SELECT level FROM item_state WHERE item_id = 'skill.java'").get()).toEqual({ level: 3 })
    wrapper.unmount()
  })
})
