import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ActivityFormDialog from '../../renderer/src/activities/ActivityFormDialog.vue'
import { api } from '../../renderer/src/api/client'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())
beforeEach(() => localStorage.clear())

function control(wrapper: VueWrapper, label: string): HTMLInputElement | HTMLSelectElement {
  const found = wrapper.findAll('label').find((l) => l.text().replace(/\s*\*$/, '') === label)
  const el = found ? document.getElementById(found.attributes('for') ?? '') : null
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) throw new Error(`No control labelled ${label}`)
  return el
}

async function type(el: HTMLInputElement | HTMLSelectElement, value: string) {
  el.value = value
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input'))
  await settle()
}

function paste(el: HTMLElement, text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? text : '') } })
  el.dispatchEvent(event)
  return event
}

describe('logging an activity quickly', () => {
  it('focuses the title first, and a link pasted there fills the link, kind, repository and title', async () => {
    const env = await withRealCore({ now: () => new Date(2027, 2, 5, 12) })
    dispose = env.dispose
    const wrapper = env.mount(ActivityFormDialog, { props: { open: true, activity: null }, attachTo: document.body })
    await settle()

    const title = control(wrapper, 'Title')
    expect(document.activeElement).toBe(title)

    const event = paste(title, 'https://gitlab.com/gitlab-org/gitlab/-/issues/99')
    await settle()
    expect(event.defaultPrevented).toBe(true)
    expect(control(wrapper, 'Link').value).toBe('https://gitlab.com/gitlab-org/gitlab/-/issues/99')
    expect(control(wrapper, 'Kind').value).toBe('issue')
    expect(control(wrapper, 'Project or repository').value).toBe('gitlab-org/gitlab')
    expect(title.value).toBe('Issue #99 in gitlab-org/gitlab')
    expect(wrapper.text()).toContain('Read from the link: Issue #99 in gitlab-org/gitlab')

    // A title already typed stays; a repository typed by hand is not overwritten by a later link.
    await type(title, 'Reproduce the cache bug')
    await type(control(wrapper, 'Project or repository'), 'my/fork')
    await type(control(wrapper, 'Link'), 'https://github.com/nodejs/node/pull/51234')
    expect(control(wrapper, 'Kind').value).toBe('pull-request')
    expect(control(wrapper, 'Project or repository').value).toBe('my/fork')
    expect(title.value).toBe('Reproduce the cache bug')
    wrapper.unmount()
  })

  it('starts a new activity with the kind logged last', async () => {
    const env = await withRealCore({ now: () => new Date(2027, 2, 5, 12) })
    dispose = env.dispose
    const wrapper = env.mount(ActivityFormDialog, { props: { open: true, activity: null }, attachTo: document.body })
    await settle()
    expect(control(wrapper, 'Kind').value).toBe('pull-request')
    await type(control(wrapper, 'Title'), 'Spoke at the Node meetup')
    await type(control(wrapper, 'Kind'), 'talk')
    await wrapper.get('form#activity-form').trigger('submit')
    await settle()
    // A link fills the repository, and a new repository takes the core a moment longer.
    await vi.waitFor(() => expect(wrapper.emitted('saved')).toHaveLength(1))

    await wrapper.setProps({ open: false })
    await wrapper.setProps({ open: true })
    await settle()
    expect(control(wrapper, 'Kind').value).toBe('talk')
    expect(control(wrapper, 'Title').value).toBe('')
    wrapper.unmount()
  })

  it('leaves an edited activity as it was when it opens, link and all', async () => {
    const env = await withRealCore({ now: () => new Date(2027, 2, 5, 12) })
    dispose = env.dispose
    const created = await api.activities.create( { kind: 'talk', date: '2027-03-01', title: 'Talk', url: 'https://github.com/a/b/pull/3' })
    if (!created.ok) throw new Error(created.error.message)
    const wrapper = env.mount(ActivityFormDialog, { props: { open: true, activity: created.value }, attachTo: document.body })
    await settle()
    expect(control(wrapper, 'Kind').value).toBe('talk')
    // The core read the repository from the link when it was logged; the form shows what is stored and guesses nothing more.
    expect(created.value.repo).toBe('a/b')
    expect(control(wrapper, 'Project or repository').value).toBe('a/b')
    wrapper.unmount()
  })

  it('keeps why it mattered, and offers to open a link that can be opened', async () => {
    const env = await withRealCore({ now: () => new Date(2027, 2, 5, 12) })
    dispose = env.dispose
    const wrapper = env.mount(ActivityFormDialog, { props: { open: true, activity: null }, attachTo: document.body })
    await settle()
    await type(control(wrapper, 'Title'), 'Cache the route table')
    expect(wrapper.find('.open-link-line a').exists()).toBe(false)
    await type(control(wrapper, 'Link'), 'notalink')
    expect(wrapper.find('.open-link-line a').exists()).toBe(false)
    await type(control(wrapper, 'Link'), 'https://github.com/expressjs/express/pull/6001')
    expect(wrapper.get('.open-link-line a').attributes()).toMatchObject({ href: 'https://github.com/expressjs/express/pull/6001', target: '_blank' })
    await type(control(wrapper, 'Why it mattered'), 'Cut p95 latency from 800 ms to 120 ms')
    await wrapper.get('form#activity-form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.emitted('saved')).toHaveLength(1))
    expect(env.core.db.prepare('SELECT impact FROM activity').all()).toEqual([{ impact: 'Cut p95 latency from 800 ms to 120 ms' }])
    wrapper.unmount()
  })
})
