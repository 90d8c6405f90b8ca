import { afterEach, describe, expect, it } from 'vitest'
import GoalFormDialog from '../../renderer/src/goals/GoalFormDialog.vue'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'
import { testRouter } from './support/testRouter'

let dispose: (() => void) | undefined
afterEach(() => {
  document.body.innerHTML = ''
  dispose?.()
})

const stored = (env: Awaited<ReturnType<typeof withRealCore>>) =>
  env.core.db.prepare('SELECT g.title AS goal, m.title AS step FROM goal g LEFT JOIN milestone m ON m.goal_id = g.id ORDER BY m.position').all()

describe('the goal form by keys', () => {
  it('adds each milestone with Enter, and Enter on the empty milestone line creates the goal', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const wrapper = env.mount(GoalFormDialog, { props: { open: true, goal: null }, attachTo: document.body, global: { plugins: [await testRouter('/goals')] } })
    await settle()
    await wrapper.get('input[aria-required="true"]').setValue('Learn Kafka')
    const line = wrapper.get('input[aria-label="New milestone"]')
    for (const step of ['Read the book', 'Build a consumer']) {
      await line.setValue(step)
      await line.trigger('keydown', { key: 'Enter' })
    }
    expect(stored(env)).toEqual([])
    await line.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(stored(env)).toEqual([
      { goal: 'Learn Kafka', step: 'Read the book' },
      { goal: 'Learn Kafka', step: 'Build a consumer' },
    ])
    expect(wrapper.emitted('saved')).toHaveLength(1)
  })

  it('sends the form with Ctrl+Enter from a multi-line field, where Enter is a new line', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const wrapper = env.mount(GoalFormDialog, { props: { open: true, goal: null }, attachTo: document.body, global: { plugins: [await testRouter('/goals')] } })
    await settle()
    await wrapper.get('input[aria-required="true"]').setValue('Learn Kafka')
    const description = wrapper.get('textarea')
    await description.setValue('Streams, then Connect')
    await description.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(stored(env)).toEqual([])
    await description.trigger('keydown', { key: 'Enter', ctrlKey: true })
    await settle()
    expect(stored(env)).toEqual([{ goal: 'Learn Kafka', step: null }])
  })
})
