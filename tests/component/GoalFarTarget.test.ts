import { afterEach, describe, expect, it } from 'vitest'
import GoalFormDialog from '../../renderer/src/goals/GoalFormDialog.vue'
import { api } from '../../renderer/src/api/client'
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

describe('a goal target far in the future', () => {
  it('refuses a target in the year 2999 in words, and warns of one more than 10 years away but saves it', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalFormDialog, { props: { open: true, goal: null }, attachTo: document.body, global: { plugins: [router] } })
    await settle()
    await wrapper.get('input[aria-required="true"]').setValue('Write a book')
    const target = wrapper.findAll('input[type="date"]')[1]
    expect(describedBy(target?.element ?? document.body)).toBe('Optional; places the goal on the timeline')

    await target?.setValue('2999-01-01')
    await wrapper.get('form#goal-form').trigger('submit')
    await settle()
    expect(target?.attributes('aria-invalid')).toBe('true')
    expect(describedBy(target?.element ?? document.body)).toContain('A target date must be within 50 years of the start date')
    expect(env.core.db.prepare('SELECT count(*) AS n FROM goal').get()).toEqual({ n: 0 })

    const farButFine = `${new Date().getFullYear() + 20}-06-30`
    await target?.setValue(farButFine)
    expect(describedBy(target?.element ?? document.body)).toContain('More than 10 years away: is the year right?')
    await wrapper.get('form#goal-form').trigger('submit')
    await settle()
    expect(env.core.db.prepare('SELECT target_date FROM goal').all()).toEqual([{ target_date: farButFine }])
    wrapper.unmount()
  })

  it('refuses a milestone due in 2999 beside its own field, in a new goal and in an edit, and stores nothing', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalFormDialog, { props: { open: true, goal: null }, attachTo: document.body, global: { plugins: [router] } })
    await settle()
    await wrapper.get('input[aria-required="true"]').setValue('Write a book')
    await wrapper.get('input[aria-label="New milestone"]').setValue('Outline')
    await wrapper.get('input[aria-label="New milestone"]').trigger('keydown', { key: 'Enter' })
    const due = () => wrapper.get('input[aria-label="Due date of “Outline”"]')
    await due().setValue('2999-01-01')
    await wrapper.get('form#goal-form').trigger('submit')
    await settle()
    expect(due().attributes('aria-invalid')).toBe('true')
    expect(describedBy(due().element)).toBe("A milestone must be due within 50 years of the goal's start date")
    expect(env.core.db.prepare('SELECT count(*) AS n FROM goal').get()).toEqual({ n: 0 })

    await due().setValue('2027-01-01')
    await wrapper.get('form#goal-form').trigger('submit')
    await settle()
    const listed = await api.goals.list({})
    const goal = listed.ok ? listed.value[0] : undefined
    expect(goal?.milestones.map((m) => m.dueDate)).toEqual(['2027-01-01'])
    wrapper.unmount()

    const edit = env.mount(GoalFormDialog, { props: { open: true, goal: goal ?? null }, attachTo: document.body, global: { plugins: [router] } })
    await settle()
    await edit.get('input[aria-label="Due date of “Outline”"]').setValue('2999-01-01')
    await edit.get('form#goal-form').trigger('submit')
    await settle()
    expect(describedBy(edit.get('input[aria-label="Due date of “Outline”"]').element)).toBe("A milestone must be due within 50 years of the goal's start date")
    expect(env.core.db.prepare('SELECT due_date FROM milestone').all()).toEqual([{ due_date: '2027-01-01' }])
    edit.unmount()
  })
})
