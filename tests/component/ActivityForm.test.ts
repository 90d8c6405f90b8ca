import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import ActivityFormDialog from '../../renderer/src/activities/ActivityFormDialog.vue'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

// The core's clock: "a year ahead" is judged from here.
const now = new Date(2027, 2, 5, 12)

/** The message a control points at through aria-describedby. */
function describedBy(el: Element): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ')
}

/** The control a visible label names. */
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

describe('the activity form', () => {
  it('refuses a link that is not http(s), negative hours and a far-future date, beside each field, and stores nothing', async () => {
    const env = await withRealCore({ now: () => now })
    dispose = env.dispose
    const wrapper = env.mount(ActivityFormDialog, { props: { open: true, activity: null }, attachTo: document.body })
    await settle()
    const submit = async () => {
      await wrapper.get('form#activity-form').trigger('submit')
      await settle()
    }

    await type(control(wrapper, 'Title'), 'Fix async error handling in router')
    await type(control(wrapper, 'Link'), 'ftp://github.com/expressjs/express/pull/6001')
    await type(control(wrapper, 'Hours'), '-2')
    await type(control(wrapper, 'Date'), '2099-01-01')
    await submit()

    // The contract's own schemas, run in the renderer: no round trip needed for these two.
    const link = control(wrapper, 'Link')
    const hours = control(wrapper, 'Hours')
    expect(link.getAttribute('aria-invalid')).toBe('true')
    expect(describedBy(link)).toBe('Links must start with http:// or https://')
    expect(hours.getAttribute('aria-invalid')).toBe('true')
    expect(describedBy(hours)).toBe('Hours cannot be negative')
    expect(wrapper.get('[role="alert"]').text()).toContain('Some fields need a second look.')
    expect(document.activeElement).toBe(link)

    // A date far ahead is the core's rule (it needs the clock): its words, beside the date.
    await type(link, 'https://github.com/expressjs/express/pull/6001')
    await type(hours, '3')
    expect(link.getAttribute('aria-invalid')).toBeNull()
    await submit()
    const date = control(wrapper, 'Date')
    expect(date.getAttribute('aria-invalid')).toBe('true')
    expect(describedBy(date)).toBe('The date 2099-01-01 is more than a year ahead; use the day the work happened')
    expect(wrapper.get('[role="alert"]').text()).toContain('more than a year ahead')
    expect(env.core.db.prepare('SELECT count(*) AS n FROM activity').get()).toEqual({ n: 0 })

    // Fixed, it is stored as typed.
    await type(date, '2027-03-04')
    await type(control(wrapper, 'State'), 'merged')
    await submit()
    // A link fills the repository, and a new repository takes the core a moment longer.
    await vi.waitFor(() => expect(wrapper.emitted('saved')).toHaveLength(1))
    expect(env.core.db.prepare('SELECT kind, date, title, url, state, hours FROM activity').all()).toEqual([
      { kind: 'pull-request', date: '2027-03-04', title: 'Fix async error handling in router', url: 'https://github.com/expressjs/express/pull/6001', state: 'merged', hours: 3 },
    ])
    wrapper.unmount()
  })

  it('offers a state only where one applies, and a PR state only to PRs', async () => {
    const env = await withRealCore({ now: () => now })
    dispose = env.dispose
    const wrapper = env.mount(ActivityFormDialog, { props: { open: true, activity: null }, attachTo: document.body })
    await settle()

    const states = () => Array.from(control(wrapper, 'State').querySelectorAll('option'), (o) => o.value)
    expect(states()).toEqual(['', 'open', 'merged', 'closed'])
    await type(control(wrapper, 'State'), 'merged')
    await type(control(wrapper, 'Kind'), 'issue')
    expect(states()).toEqual(['', 'open', 'closed'])
    expect(control(wrapper, 'State').value).toBe('')
    await type(control(wrapper, 'Kind'), 'blog-post')
    expect(() => control(wrapper, 'State')).toThrow(/No control/)

    // Kinds come grouped under the path's strategies.
    const groups = Array.from(control(wrapper, 'Kind').querySelectorAll('optgroup'), (g) => g.label)
    expect(groups).toEqual([
      'Pursue Advanced Certifications',
      'Engage in Open Source Projects',
      'Join Developer Meetups',
      'Participate in Online Forums',
      'Create a GitHub Portfolio',
      'Write Technical Blogs',
    ])
    wrapper.unmount()
  })
})
