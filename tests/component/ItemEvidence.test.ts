import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ItemView from '../../renderer/src/roadmap/ItemView.vue'
import { apiOf, must } from '../support/api'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

const optionTitles = (wrapper: VueWrapper) => wrapper.findAll('[role="option"]').map((o) => o.find('.option-title').text())

async function openItemPage() {
  const env = await withRealCore({ now: () => new Date('2026-11-25T12:00:00Z') })
  dispose = env.dispose
  const api = apiOf(env.core)
  const post = await must(api.activities.create({ kind: 'blog-post', date: '2026-10-02', title: 'Why B-trees beat hash indexes', url: 'https://blog.example.com/b-trees' }))
  await must(api.activities.create({ kind: 'pull-request', date: '2026-10-05', title: 'Fix the router', repo: 'expressjs/express', state: 'merged' }))
  await must(api.activities.create({ kind: 'learning', date: '2026-10-09', title: 'Read about tries', notes: 'prefix trees for autocomplete' }))
  const router = await testRouter('/items/skill.algorithms')
  const wrapper = env.mount(ItemView, { props: { id: 'skill.algorithms' }, attachTo: document.body, global: { plugins: [router] } })
  await settle()
  return { env, wrapper, post }
}

describe('attaching an activity as evidence', () => {
  it('finds the activity by search, picks it with the keyboard, and lists it with a link', async () => {
    const { env, wrapper, post } = await openItemPage()
    const open = wrapper.findAll('button').find((b) => b.text() === 'Attach an activity')
    if (!open) throw new Error('no Attach an activity button')
    await open.trigger('click')
    await settle()

    const dialog = wrapper.get('dialog[aria-labelledby]')
    const search = dialog.get('input[role="combobox"]')
    expect(dialog.get(`label[for="${search.attributes('id')}"]`).text()).toBe('Find an activity')
    // Before any typing: the latest activities, newest first.
    await vi.waitFor(() => expect(optionTitles(wrapper)).toEqual(['Read about tries', 'Fix the router', 'Why B-trees beat hash indexes']))

    // Sending with nothing chosen is refused in words, beside the search.
    await dialog.get('form#attach-activity-form').trigger('submit')
    await settle()
    expect(search.attributes('aria-invalid')).toBe('true')
    expect(dialog.text()).toContain('Pick one of your activities: search for it, then choose it in the list')

    await search.setValue('b-trees')
    await vi.waitFor(() => expect(optionTitles(wrapper)).toEqual(['Why B-trees beat hash indexes']))
    const option = wrapper.get('[role="option"]')
    expect(search.attributes('aria-activedescendant')).toBe(option.attributes('id'))
    await search.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(option.attributes('aria-selected')).toBe('true')

    const note = dialog.findAll('input').find((i) => dialog.get(`label[for="${i.attributes('id')}"]`).text() === 'What it shows')
    await note?.setValue('Explains the trade-off')
    await dialog.get('form#attach-activity-form').trigger('submit')
    await settle()

    expect(wrapper.find('dialog[open]').exists()).toBe(false)
    const evidence = wrapper.get('section[aria-labelledby="evidence-title"]')
    const link = evidence.get('a[href="https://blog.example.com/b-trees"]')
    expect(link.text()).toBe('Why B-trees beat hash indexes')
    expect(evidence.text()).toContain('Blog post · Oct 2, 2026')
    expect(evidence.text()).toContain('Explains the trade-off')
    expect(evidence.find(`button[aria-label="Remove Why B-trees beat hash indexes from the evidence"]`).exists()).toBe(true)
    expect(env.core.db.prepare('SELECT activity_id, url, note FROM item_evidence').all()).toEqual([{ activity_id: post.id, url: null, note: 'Explains the trade-off' }])

    // Once attached, it is listed as such and cannot be picked again.
    await open.trigger('click')
    await settle()
    await vi.waitFor(() => expect(wrapper.findAll('[role="option"]')).toHaveLength(3))
    const again = wrapper.findAll('[role="option"]').find((o) => o.text().includes('Why B-trees'))
    expect(again?.attributes('aria-disabled')).toBe('true')
    expect(again?.text()).toContain('Already attached')
    await again?.trigger('click')
    expect(again?.attributes('aria-selected')).toBe('false')
    wrapper.unmount()
  })

  it('says so when nothing matches the search', async () => {
    const { wrapper } = await openItemPage()
    const open = wrapper.findAll('button').find((b) => b.text() === 'Attach an activity')
    await open?.trigger('click')
    await settle()
    const search = wrapper.get('input[role="combobox"]')
    await search.setValue('kubernetes')
    await vi.waitFor(() => expect(wrapper.text()).toContain('No activity matches “kubernetes”.'))
    expect(wrapper.findAll('[role="option"]')).toHaveLength(0)
    expect(search.attributes('aria-expanded')).toBe('false')
    wrapper.unmount()
  })
})
