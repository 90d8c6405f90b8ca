import { afterEach, describe, expect, it } from 'vitest'
import RoadmapView from '../../renderer/src/roadmap/RoadmapView.vue'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('RoadmapView', () => {
  it('shows the path and stores a status chosen in it', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const wrapper = env.mount(RoadmapView, { global: { plugins: [await testRouter('/roadmap')] } })
    await settle()

    expect(wrapper.get('h1').text()).toBe('Roadmap')
    expect(wrapper.text()).toContain('Node.js Developer')
    expect(wrapper.text()).toContain('$80,000 – $120,000 a year')

    const select = wrapper.get('select[aria-label="Status of Spring Framework"]')
    await select.setValue('in-progress')
    await settle()

    const stored = env.core.db.prepare("SELECT status FROM item_state WHERE item_id = 'skill.spring-framework'").get()
    expect(stored).toEqual({ status: 'in-progress' })
    expect((select.element as HTMLSelectElement).value).toBe('in-progress')
  })
})
