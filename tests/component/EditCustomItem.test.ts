import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import ItemView from '../../renderer/src/roadmap/ItemView.vue'
import { apiOf, must } from '../support/api'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

async function openItemPage(setUp: (api: ReturnType<typeof apiOf>) => Promise<string>) {
  const env = await withRealCore()
  dispose = env.dispose
  const api = apiOf(env.core)
  const id = await setUp(api)
  const router = await testRouter(`/items/${id}`)
  const wrapper = env.mount(ItemView, { props: { id }, attachTo: document.body, global: { plugins: [router] } })
  await settle()
  return { env, api, wrapper, id }
}

/** A field of the form by its visible label, as a person finds it. */
function field(form: ReturnType<VueWrapper['get']>, label: string) {
  const labelEl = form.findAll('label').find((l) => l.text().replace(/\s*\*$/, '') === label)
  const id = labelEl?.attributes('for')
  if (!id) throw new Error(`no field labelled ${label}`)
  return form.get<HTMLInputElement | HTMLTextAreaElement>(`#${CSS.escape(id)}`)
}

async function openEdit(wrapper: VueWrapper, title: string) {
  await wrapper.get(`button[aria-label="Edit ${title}"]`).trigger('click')
  await settle()
  return wrapper.get('form#edit-item-form')
}

describe('editing an item you added', () => {
  it('changes the title and description, after refusing an empty title in words', async () => {
    const { env, wrapper, id } = await openItemPage(async (api) => (await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Kotlin', description: 'Coroutines' }))).id)
    expect(wrapper.get('h1').text()).toBe('Kotlin')
    const form = await openEdit(wrapper, 'Kotlin')
    const title = field(form, 'Title')
    expect(title.element.value).toBe('Kotlin')
    expect(field(form, 'Description').element.value).toBe('Coroutines')

    await title.setValue('   ')
    await form.trigger('submit')
    await settle()
    expect(title.attributes('aria-invalid')).toBe('true')
    expect(form.text()).toContain('A title is required')
    expect(env.core.db.prepare('SELECT title FROM custom_item WHERE id = ?').pluck().get(id)).toBe('Kotlin')

    await title.setValue('Kotlin on the JVM')
    await field(form, 'Tagline').setValue('The other JVM language')
    await field(form, 'Description').setValue('Coroutines, null safety, Spring with Kotlin')
    await form.trigger('submit')
    await settle()

    expect(wrapper.find('dialog[open]').exists()).toBe(false)
    expect(wrapper.get('h1').text()).toBe('Kotlin on the JVM')
    expect(wrapper.text()).toContain('The other JVM language')
    expect(wrapper.text()).toContain('Coroutines, null safety, Spring with Kotlin')
    expect(env.core.db.prepare('SELECT title, tagline, description FROM custom_item WHERE id = ?').get(id)).toEqual({
      title: 'Kotlin on the JVM',
      tagline: 'The other JVM language',
      description: 'Coroutines, null safety, Spring with Kotlin',
    })
    wrapper.unmount()
  })

  it('shows the core’s refusal in words when the item is gone meanwhile', async () => {
    const { api, wrapper, id } = await openItemPage(async (api) => (await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Gradle' }))).id)
    const form = await openEdit(wrapper, 'Gradle')
    // Removed from another window while this form was open.
    await must(api.roadmap.removeCustomItem({ itemId: id }))
    await field(form, 'Title').setValue('Gradle builds')
    await form.trigger('submit')
    await settle()
    expect(form.get('[role="alert"]').text()).toBe(`There is no roadmap item "${id}".`)
    expect(wrapper.find('dialog[open]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('picks the activity kinds a strategy of yours counts', async () => {
    const { env, wrapper, id } = await openItemPage(async (api) => (await must(api.roadmap.addCustomItem({ parentId: 'group.networking', kind: 'strategy', title: 'Local user group' }))).id)
    const form = await openEdit(wrapper, 'Local user group')
    const kinds = form.get('fieldset')
    expect(kinds.get('legend').text()).toBe('Activities that count toward it')
    const talk = kinds.findAll('label').find((l) => l.text() === 'Talk')
    await talk?.get('input').setValue(true)
    await form.trigger('submit')
    await settle()
    expect(env.core.db.prepare('SELECT activity_kinds FROM custom_item WHERE id = ?').pluck().get(id)).toBe('["talk"]')
    wrapper.unmount()
  })
})

describe('moving an item you added', () => {
  it('offers only the places that can hold it, and moves it there', async () => {
    const { env, wrapper, id } = await openItemPage(async (api) => (await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Kotlin' }))).id)
    const form = await openEdit(wrapper, 'Kotlin')
    const placed = form.get<HTMLSelectElement>('select')
    expect(field(form, 'Placed under').element).toBe(placed.element)
    const options = placed.findAll('option').map((o) => o.text())
    // A skill sits under a stage or a track; strategy groups and strategies are not offered.
    expect(options).toContain('Java Developer (track)')
    expect(options).toContain('Node.js Developer (track)')
    expect(options).toContain("Bachelor's Degree in Computer Science or Related Field (stage)")
    expect(options.some((o) => o.includes('Strategies for Growth'))).toBe(false)
    expect(placed.element.value).toBe('track.java')

    await placed.setValue('track.nodejs')
    await form.trigger('submit')
    await settle()
    expect(env.core.db.prepare('SELECT parent_id FROM custom_item WHERE id = ?').pluck().get(id)).toBe('track.nodejs')
    wrapper.unmount()
  })
})

describe('an item that comes with the path', () => {
  it('offers no Edit and no Remove', async () => {
    const { wrapper } = await openItemPage(async () => 'skill.java')
    expect(wrapper.get('h1').text()).toBe('Java')
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('Edit')
    expect(wrapper.find('button[aria-label="Edit Java"]').exists()).toBe(false)
    expect(wrapper.find('button[aria-label="Remove Java"]').exists()).toBe(false)
    expect(wrapper.find('form#edit-item-form').exists()).toBe(false)
    wrapper.unmount()
  })
})
