import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import RoadmapView from '../../renderer/src/roadmap/RoadmapView.vue'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('planning on the roadmap', () => {
  it('targets a track, adds a custom skill through the dialog, and hides an item', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const wrapper = env.mount(RoadmapView, { attachTo: document.body, global: { plugins: [await testRouter('/roadmap')] } })
    await flushPromises()

    const target = wrapper.get('button[aria-label="Target: Java Developer"]')
    expect(target.attributes('aria-pressed')).toBe('false')
    await target.trigger('click')
    await flushPromises()
    expect(target.attributes('aria-pressed')).toBe('true')

    await wrapper.get('button[aria-label="Add skill to Java Developer"]').trigger('click')
    await flushPromises()
    const form = wrapper.get('form#add-item-form')
    await form.trigger('submit')
    await flushPromises()
    const title = form.get('input')
    expect(title.attributes('aria-invalid')).toBe('true')
    expect(form.text()).toContain('A title is required')

    await title.setValue('Spring Boot')
    await form.trigger('submit')
    await flushPromises()
    const javaTrack = wrapper.get('[data-item-id="track.java"]')
    expect(javaTrack.find('select[aria-label="Status of Spring Boot"]').exists()).toBe(true)
    expect(javaTrack.find('select[aria-label="Level of Spring Boot"]').exists()).toBe(true)
    expect(javaTrack.text()).toContain('Yours')

    await wrapper.get('button[aria-label="Hide Algorithms"]').trigger('click')
    await flushPromises()
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
    await flushPromises()

    await wrapper.get('button[aria-label="Add your own strategy group to Career Advancement Strategies"]').trigger('click')
    await flushPromises()
    const form = wrapper.get('form#add-item-form')
    await form.get('input').setValue('Teaching')
    await form.trigger('submit')
    await flushPromises()

    const group = wrapper.get('section[aria-label="Teaching"]')
    expect(group.text()).toContain('Teaching')
    await group.get('button[aria-label="Add strategy to Teaching"]').trigger('click')
    await flushPromises()
    await wrapper.get('form#add-item-form input').setValue('Mentor a junior developer')
    await wrapper.get('form#add-item-form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('section[aria-label="Teaching"]').find('select[aria-label="Status of Mentor a junior developer"]').exists()).toBe(true)
    const stored = env.core.db.prepare("SELECT kind, parent_id AS parentId FROM custom_item WHERE title = 'Teaching'").get()
    expect(stored).toEqual({ kind: 'strategy-group', parentId: 'stage.advancement' })
    wrapper.unmount()
  })
})
