import { afterEach, describe, expect, it } from 'vitest'
import RoadmapView from '../../renderer/src/roadmap/RoadmapView.vue'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('planning on the roadmap', () => {
  it('targets a track, adds a custom skill through the dialog, and hides an item', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const wrapper = env.mount(RoadmapView, { attachTo: document.body, global: { plugins: [await testRouter('/roadmap')] } })
    await settle()

    const target = wrapper.get('button[aria-label="Target: Java Developer"]')
    expect(target.attributes('aria-pressed')).toBe('false')
    await target.trigger('click')
    await settle()
    expect(target.attributes('aria-pressed')).toBe('true')

    await wrapper.get('button[aria-label="Add skill to Java Developer"]').trigger('click')
    await settle()
    const form = wrapper.get('form#add-item-form')
    await form.trigger('submit')
    await settle()
    const title = form.get('input')
    expect(title.attributes('aria-invalid')).toBe('true')
    expect(form.text()).toContain('A title is required')

    await title.setValue('Spring Boot')
    await form.trigger('submit')
    await settle()
    const javaTrack = wrapper.get('[data-item-id="track.java"]')
    expect(javaTrack.find('select[aria-label="Status of Spring Boot"]').exists()).toBe(true)
    expect(javaTrack.find('select[aria-label="Level of Spring Boot"]').exists()).toBe(true)
    expect(javaTrack.text()).toContain('Yours')

    await wrapper.get('button[aria-label="Hide Algorithms"]').trigger('click')
    await settle()
    expect(wrapper.find('select[aria-label="Status of Algorithms"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Show 1 hidden item')
    const stored = env.core.db.prepare("SELECT hidden FROM item_state WHERE item_id = 'skill.algorithms'").get()
    expect(stored).toEqual({ hidden: 1 })
    wrapper.unmount()
  })

  it('adds a strategy group of one’s own beside the path’s, and a strategy in it', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const wrapper = env.mount(RoadmapView, { attachTo: document.body, global: { plugins: [await testRouter('/roadmap')] } })
    await settle()

    await wrapper.get('button[aria-label="Add your own strategy group to Career Advancement Strategies"]').trigger('click')
    await settle()
    const form = wrapper.get('form#add-item-form')
    await form.get('input').setValue('Teaching')
    await form.trigger('submit')
    await settle()

    const group = wrapper.get('section[aria-label="Teaching"]')
    expect(group.text()).toContain('Teaching')
    await group.get('button[aria-label="Add strategy to Teaching"]').trigger('click')
    await settle()
    await wrapper.get('form#add-item-form input').setValue('Mentor a junior developer')
    await wrapper.get('form#add-item-form').trigger('submit')
    await settle()
    expect(wrapper.get('section[aria-label="Teaching"]').find('select[aria-label="Status of Mentor a junior developer"]').exists()).toBe(true)
    const stored = env.core.db.prepare("SELECT kind, parent_id AS parentId FROM custom_item WHERE title = 'Teaching'").get()
    expect(stored).toEqual({ kind: 'strategy-group', parentId: 'stage.advancement' })
    wrapper.unmount()
  })
})
