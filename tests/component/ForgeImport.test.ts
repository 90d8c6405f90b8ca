import { afterEach, describe, expect, it, vi } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import ImportDialog from '../../renderer/src/activities/ImportDialog.vue'
import { startGitLabServer } from '../support/gitlabServer'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

/** A control by its accessible name: the text of the label its id is tied to. */
function field(wrapper: VueWrapper, label: string): HTMLInputElement {
  const found = wrapper.findAll('label').find((l) => l.text().replace(/\s*optional$/, '') === label)
  const el = found ? document.getElementById(found.attributes('for') ?? '') : null
  if (!(el instanceof HTMLInputElement)) throw new Error(`No field labelled ${label}`)
  return el
}
async function type(el: HTMLInputElement, value: string) {
  el.value = value
  el.dispatchEvent(new Event('input'))
  await settle()
}
const tab = (name: string) => {
  const found = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent?.trim() === name)
  if (!found) throw new Error(`No tab ${name}`)
  return found
}

/**
 * The core runs in this test's own process, where happy-dom's fetch stands in for Node's and
 * would hold the core to a page's same-origin policy, which Node's core never is.
 */
function letTheCoreFetchAnywhere() {
  const step = (from: unknown, key: string): object => {
    const value: unknown = typeof from === 'object' && from !== null ? Reflect.get(from, key) : undefined
    if (typeof value !== 'object' || value === null) throw new Error(`happy-dom has no ${key} settings`)
    return value
  }
  Reflect.set(step(step(step(window, 'happyDOM'), 'settings'), 'fetch'), 'disableSameOriginPolicy', true)
}

describe('the import dialog’s forges', () => {
  it('offers GitLab, Gitea / Forgejo and Bitbucket as tabs reached by the arrow keys, each with the fields it needs', async () => {
    const env = await withRealCore()
    cleanups.push(() => env.dispose())
    const wrapper = env.mount(ImportDialog, { props: { open: true }, attachTo: document.body })
    cleanups.push(() => wrapper.unmount())
    await settle()
    const names = [...document.querySelectorAll('[role="tab"]')].map((t) => t.textContent?.trim())
    expect(names).toEqual(expect.arrayContaining(['GitLab', 'Gitea / Forgejo', 'Bitbucket']))

    tab('GitHub').click()
    await settle()
    tab('GitHub').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    await settle()
    expect(tab('GitLab').getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(tab('GitLab'))
    expect(field(wrapper, 'GitLab username')).toBeTruthy()
    expect(field(wrapper, 'Self-managed GitLab API').placeholder).toBe('https://gitlab.com/api/v4')

    tab('GitLab').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    await settle()
    expect(() => field(wrapper, 'GitLab username')).toThrow()
    expect(field(wrapper, 'Access token').placeholder).toMatch(/Read access/)

    tab('Gitea / Forgejo').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    await settle()
    expect(field(wrapper, 'Workspace')).toBeTruthy()
    expect(field(wrapper, 'Bitbucket username or account id')).toBeTruthy()
    for (const input of document.querySelectorAll('[role="tabpanel"] input')) {
      expect(input.id && document.querySelector(`label[for="${input.id}"]`), `input ${input.outerHTML} has no label`).toBeTruthy()
    }
  })

  it('refuses a bad username beside its field, then imports from a GitLab server and says what it did', { timeout: 30_000 }, async () => {
    letTheCoreFetchAnywhere()
    const server = await startGitLabServer()
    cleanups.push(() => server.close())
    const env = await withRealCore({ now: () => new Date('2027-06-30T12:00:00Z') })
    cleanups.push(() => env.dispose())
    const wrapper = env.mount(ImportDialog, { props: { open: true }, attachTo: document.body })
    cleanups.push(() => wrapper.unmount())
    await settle()
    tab('GitLab').click()
    await settle()

    await type(field(wrapper, 'GitLab username'), '../root')
    document.querySelector<HTMLFormElement>('#gitlab-import')?.requestSubmit()
    await settle()
    const username = field(wrapper, 'GitLab username')
    expect(username.getAttribute('aria-invalid')).toBe('true')
    const describedBy = username.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(describedBy)?.textContent).toMatch(/not a GitLab username/)
    expect(server.requests).toEqual([])

    await type(username, 'octo-dev')
    await type(field(wrapper, 'Self-managed GitLab API'), server.url)
    document.querySelector<HTMLFormElement>('#gitlab-import')?.requestSubmit()
    await vi.waitFor(() => expect(document.querySelector('.import-status:not(.running)')).not.toBeNull(), { timeout: 10_000 })
    expect(document.querySelector('.import-status [role="alert"]')?.textContent?.trim()).toBeUndefined()
    expect(document.querySelector('[aria-label="Import result"]')?.textContent?.replace(/\s+/g, ' ')).toContain('Added8')
    expect(document.querySelector('[aria-label="Notes from the import"]')?.textContent).toMatch(/2 private repositories were added/)
    expect(username.getAttribute('aria-invalid')).toBeNull()
  })
})
