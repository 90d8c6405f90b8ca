import { afterEach, describe, expect, it } from 'vitest'
import GoalsView from '../../renderer/src/goals/GoalsView.vue'
import { apiOf, must } from '../support/api'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('a finished goal', () => {
  it('says the day it was marked done, not the day it was last edited', async () => {
    const clock = { now: new Date('2026-03-20T12:00:00Z') }
    const env = await withRealCore({ now: () => clock.now })
    dispose = env.dispose
    const api = apiOf(env.core)
    const goal = await must(api.goals.create({ title: 'Pass the Java exam', startDate: '2026-01-01', status: 'done' }))
    clock.now = new Date('2026-06-15T12:00:00Z')
    await must(api.goals.update({ goalId: goal.id, description: 'Oracle Certified Professional' }))

    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [await testRouter('/goals')] } })
    await settle()
    await wrapper.findAll('button').find((b) => b.text().startsWith('Done'))?.trigger('click')
    await settle()
    const card = wrapper.get(`article[data-goal-id="${goal.id}"]`)
    expect(card.get('.badges').text()).toContain('Done on Mar 20, 2026')
    wrapper.unmount()
  })
})
