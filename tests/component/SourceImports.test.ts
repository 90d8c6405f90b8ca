import type { DOMWrapper, VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import ImportDialog from '../../renderer/src/activities/ImportDialog.vue'
import { api } from '../../renderer/src/api/client'
import { sourceFixture } from '../support/sourcesServer'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

const now = new Date('2026-06-30T12:00:00Z')

async function openDialog(options: Parameters<typeof withRealCore>[0] = {}) {
  const env = await withRealCore({ now: () => now, ...options })
  cleanups.push(() => env.dispose())
  const wrapper = env.mount(ImportDialog, { props: { open: true }, attachTo: document.body })
  cleanups.push(() => wrapper.unmount())
  await settle()
  return { env, wrapper }
}

async function openTab(wrapper: VueWrapper, name: string) {
  const tab = wrapper.findAll('[role="tab"]').find((t) => t.text().trim() === name)
  if (!tab) throw new Error(`No tab ${name}`)
  await tab.trigger('click')
  await settle()
}

/** The control a label names, as a person using a screen reader finds it. */
function labelled(wrapper: VueWrapper, text: string): DOMWrapper<HTMLInputElement> {
  const label = wrapper.findAll('label').find((l) => l.text().replace(/\s*optional$/, '').trim() === text)
  if (!label) throw new Error(`No label ${text}`)
  return wrapper.find<HTMLInputElement>(`[id="${label.attributes('for') ?? ''}"]`)
}

async function chooseFile(input: DOMWrapper<HTMLInputElement>, name: string, content: string, type: string) {
  Object.defineProperty(input.element, 'files', { value: [new File([content], name, { type })], configurable: true })
  await input.trigger('change')
  await settle()
}

const submit = async (wrapper: VueWrapper) => {
  const button = wrapper.findAll('button[type="submit"]').at(-1)
  if (!button) throw new Error('No submit button')
  await button.trigger('click')
  // The form is submitted by its id from the footer; happy-dom does not follow form="", so the form is submitted here.
  await wrapper.find('form').trigger('submit')
  await settle()
  return button
}

/** Every form control of the open panel has a name a screen reader says. */
function everyControlNamed(wrapper: VueWrapper) {
  for (const control of wrapper.findAll('[role="tabpanel"] input, [role="tabpanel"] select, [role="tabpanel"] button')) {
    const id = control.attributes('id')
    const named = control.attributes('aria-label') || (id && document.querySelector(`label[for="${id}"]`)) || control.text().trim()
    expect(named, control.html()).toBeTruthy()
  }
}

const activities = async () => {
  const listed = await api.activities.list({ sort: 'date-asc' })
  if (!listed.ok) throw new Error(listed.error.message)
  return listed.value.rows
}

describe('importing from blogs, calendars and Stack Exchange', () => {
  it('offers the new sources as tabs and imports a blog feed file, saying what it did', async () => {
    const { wrapper } = await openDialog()
    expect(wrapper.findAll('[role="tab"]').map((t) => t.text().trim())).toEqual(['Local git', 'GitHub', 'GitLab', 'Gitea / Forgejo', 'Bitbucket', 'CSV file', 'Stack Exchange', 'Blog feed', 'Badge', 'Calendar'])
    await openTab(wrapper, 'Blog feed')
    everyControlNamed(wrapper)
    // Nothing given: said beside the fields, nothing imported.
    await submit(wrapper)
    expect(wrapper.find('[role="alert"]').text()).toMatch(/feed address, or choose a saved feed file/)
    await chooseFile(labelled(wrapper, 'or a saved feed file'), 'feed.xml', sourceFixture('feeds/rss2-sample.xml').toString('utf8'), 'application/rss+xml')
    await submit(wrapper)
    expect(wrapper.find('[role="status"]').text()).toContain('Import finished')
    expect(wrapper.find('[aria-label="Import result"]').text()).toMatch(/Added\s*4/)
    expect((await activities()).map((a) => [a.kind, a.title])).toContainEqual(['blog-post', 'Star City'])
  })

  it('says in words why a file is not a feed, and imports nothing', async () => {
    const { wrapper } = await openDialog()
    await openTab(wrapper, 'Blog feed')
    await chooseFile(labelled(wrapper, 'or a saved feed file'), 'notes.txt', 'just some notes', 'text/plain')
    await submit(wrapper)
    expect(wrapper.find('[role="alert"]').text()).toMatch(/not an RSS or Atom feed/)
    expect(await activities()).toEqual([])
  })

  it('lists the events of a calendar with checkboxes, and imports those chosen as meetup or talk', async () => {
    const { wrapper } = await openDialog()
    await openTab(wrapper, 'Calendar')
    await chooseFile(labelled(wrapper, 'or an exported .ics file'), 'meetups.ics', sourceFixture('calendar/meetups.ics').toString('utf8'), 'text/calendar')
    const show = wrapper.findAll('button').find((b) => b.text().includes('Show events'))
    await show?.trigger('click')
    await settle()
    everyControlNamed(wrapper)
    const rows = wrapper.findAll('tbody tr')
    expect(rows).toHaveLength(9)
    const box = (title: string) => wrapper.findAll<HTMLInputElement>('tbody input[type="checkbox"]').filter((b) => (b.attributes('aria-label') ?? '').startsWith(`Import ${title},`))
    // Guessed from the titles: meetups and the talk ticked, the dentist not.
    expect(box('Dentist')[0]?.element.checked).toBe(false)
    expect(box('My talk: Virtual threads in production')[0]?.element.checked).toBe(true)
    // Only the talk and the Berlin meetup, and Devoxx as a talk.
    for (const b of wrapper.findAll<HTMLInputElement>('tbody input[type="checkbox"]')) {
      b.element.checked = false
      await b.trigger('change')
    }
    for (const title of ['My talk: Virtual threads in production', 'Node.js Berlin Meetup: streams in depth']) {
      const b = box(title)[0]
      if (!b) throw new Error(`no ${title}`)
      b.element.checked = true
      await b.trigger('change')
    }
    const devoxx = wrapper.findAll<HTMLSelectElement>('tbody select').find((s) => (s.attributes('aria-label') ?? '').startsWith('Devoxx Belgium conference'))
    await devoxx?.setValue('talk')
    expect(wrapper.findAll('button[type="submit"]').at(-1)?.text()).toContain('Import 3 events')
    await submit(wrapper)
    expect((await activities()).map((a) => [a.kind, a.title, a.source])).toEqual([
      ['talk', 'Devoxx Belgium conference', 'calendar'],
      ['talk', 'My talk: Virtual threads in production', 'calendar'],
      ['meetup', 'Node.js Berlin Meetup: streams in depth', 'calendar'],
    ])
  })

  // The import itself runs against a loopback server in tests/unit/importStackExchange.test.ts:
  // happy-dom's fetch, which the core would get here, applies a browser's CORS rules.
  it('reads the site and user from a Stack Exchange profile link, and names the field that is wrong', async () => {
    const { wrapper } = await openDialog()
    await openTab(wrapper, 'Stack Exchange')
    everyControlNamed(wrapper)
    const profile = labelled(wrapper, 'Your profile link')
    await profile.setValue('https://stackoverflow.com/questions/1')
    await submit(wrapper)
    expect(profile.attributes('aria-invalid')).toBe('true')
    expect(wrapper.text()).toContain('Paste the link of your profile page')
    await profile.setValue('https://unix.stackexchange.com/users/4242/octo-dev')
    expect(wrapper.text()).toContain('Site unix.stackexchange.com, user 4242.')
    await labelled(wrapper, 'Stack Apps key').setValue('not a key!')
    await submit(wrapper)
    expect(labelled(wrapper, 'Stack Apps key').attributes('aria-invalid')).toBe('true')
    expect(await activities()).toEqual([])
  })

  it('imports a badge from its JSON file', async () => {
    const { wrapper } = await openDialog()
    await openTab(wrapper, 'Badge')
    everyControlNamed(wrapper)
    await chooseFile(labelled(wrapper, 'or a badge file (JSON, PNG, SVG)'), 'badge.json', sourceFixture('badges/ob3-credential.json').toString('utf8'), 'application/json')
    await submit(wrapper)
    expect((await activities()).map((a) => [a.kind, a.title, a.repo])).toEqual([['certification', 'Teamwork', 'Example Corp']])
  })
})
