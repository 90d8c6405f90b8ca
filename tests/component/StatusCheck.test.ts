import { afterEach, describe, expect, it, vi } from 'vitest'
import RoadmapView from '../../renderer/src/roadmap/RoadmapView.vue'
import { apiOf, must } from '../support/api'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('a status the roadmap contradicts', () => {
  it('is flagged beside the stage, with the status its skills suggest one click away, and a skill done at level 0 is flagged', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const api = apiOf(env.core)
    for (const id of ['skill.programming-languages', 'skill.data-structures', 'skill.algorithms']) await must(api.roadmap.setStatus({ itemId: id, status: 'done' }))
    await must(api.roadmap.setLevel({ itemId: 'skill.algorithms', level: 0 }))

    const view = env.mount(RoadmapView, { attachTo: document.body, global: { plugins: [await testRouter('/roadmap')] } })
    await settle()

    const stage = view.get('[data-item-id="stage.cs-degree"]')
    expect(stage.get('.status-check').text()).toContain('Marked not started, but 3 of 3 items under it have begun.')
    expect(stage.get('[data-item-id="skill.algorithms"] .status-check').text()).toContain('Done, but at level 0 (None)')
    expect(stage.find('[data-item-id="skill.data-structures"] .status-check').exists()).toBe(false)

    await stage.get(`button[aria-label="Mark done: Bachelor's Degree in Computer Science or Related Field"]`).trigger('click')
    await vi.waitFor(() => expect(env.core.db.prepare("SELECT status FROM item_state WHERE item_id = 'stage.cs-degree'").get()).toEqual({ status: 'done' }))
    await settle()
    expect(view.find('[data-item-id="stage.cs-degree"] > .status-check').exists()).toBe(false)
    view.unmount()
  })
})
