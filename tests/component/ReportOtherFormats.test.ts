import { flushPromises } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { addMonths, format } from 'date-fns'
import type { CoreOptions } from '../../electron/core/core'
import { memorySecretStore } from '../../electron/core/host/hostServices'
import ReportComposer from '../../renderer/src/reports/ReportComposer.vue'
import { useNoticeStore } from '../../renderer/src/ui/useNoticeStore'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'

let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
  vi.restoreAllMocks()
  localStorage.clear()
})

const srcdoc = (wrapper: VueWrapper): string => wrapper.find('iframe').attributes('srcdoc') ?? ''

async function openComposer(options: Partial<CoreOptions> = {}) {
  const env = await withRealCore(options)
  const today = format(new Date(), 'yyyy-MM-dd')
  const log = async (input: Record<string, unknown>) => expect((await env.core.dispatch('activities.create', input)).ok).toBe(true)
  await log({ kind: 'pull-request', date: today, title: 'Stream large result sets', url: 'https://github.com/pgjdbc/pgjdbc/pull/3101', repo: 'pgjdbc/pgjdbc', state: 'merged', impact: 'Cut memory use by 90%' })
  await log({ kind: 'pull-request', date: today, title: 'Internal billing fix', repo: 'acme/billing', state: 'merged' })
  expect((await env.core.dispatch('reports.setPrivateRepositories', { repositories: ['acme/*'] })).ok).toBe(true)
  const inMonths = (n: number) => format(addMonths(new Date(), n), 'yyyy-MM-dd')
  const goal = await env.core.dispatch('goals.create', { title: 'Ship the driver', startDate: today, targetDate: inMonths(6), milestones: [{ title: 'Beta', dueDate: inMonths(3) }] })
  expect(goal.ok).toBe(true)
  const router = await testRouter('/reports')
  const wrapper = env.mount(ReportComposer, { attachTo: document.body, global: { plugins: [router] } })
  cleanup = () => {
    wrapper.unmount()
    env.dispose()
  }
  await vi.waitFor(() => expect(srcdoc(wrapper)).toContain('<h1>Progress review</h1>'), { timeout: 12_000 })
  return { env, wrapper }
}

/** Catches what the page hands to the browser's download. */
function catchDownloads() {
  const files: { name: string; blob: Blob }[] = []
  let pending: Blob | null = null
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    if (blob instanceof Blob) pending = blob
    return 'blob:pathfinder-test'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) files.push({ name: this.download, blob: pending })
    pending = null
  })
  return files
}

const otherButton = (wrapper: VueWrapper, label: string) => {
  const button = wrapper.findAll('button').find((b) => b.text() === `Export as ${label}`)
  if (!button) throw new Error(`No "Export as ${label}" button`)
  return button
}

// The first preview compiles the report's chart code; a loaded machine takes seconds for it.
describe('exports for other tools in the report composer', { timeout: 30_000 }, () => {
  it('downloads a JSON Resume of the period, private repositories out until the person ticks them in', async () => {
    const { wrapper } = await openComposer()
    const files = catchDownloads()
    // The personal review keeps private work in the report; the résumé still leaves it out.
    const leaveOut = wrapper.findAll('input[type="checkbox"]').find((box) => box.element.closest('label')?.textContent?.trim() === 'Private repositories')
    expect(leaveOut?.element instanceof HTMLInputElement && leaveOut.element.checked).toBe(false)

    await otherButton(wrapper, 'JSON Resume').trigger('click')
    await vi.waitFor(() => expect(files).toHaveLength(1), { timeout: 5000 })
    expect(files[0]?.name).toMatch(/resume\.json$/)
    expect(files[0]?.blob.type).toContain('application/json')
    const resume = JSON.parse((await files[0]?.blob.text()) ?? '')
    expect(resume.projects.map((p: { name: string }) => p.name)).toEqual(['pgjdbc/pgjdbc'])
    expect(resume.projects[0].highlights).toEqual(['Stream large result sets — Cut memory use by 90%'])
    expect(resume.meta.pathfinder.figures.privateActivitiesLeftOut).toBe(1)

    const include = wrapper.findAll('label').find((l) => l.text() === 'Include private repositories in the JSON Resume')
    await include?.get('input').setValue(true)
    await otherButton(wrapper, 'JSON Resume').trigger('click')
    await vi.waitFor(() => expect(files).toHaveLength(2), { timeout: 5000 })
    const withPrivate = JSON.parse((await files[1]?.blob.text()) ?? '')
    expect(withPrivate.projects.map((p: { name: string }) => p.name).sort()).toEqual(['acme/billing', 'pgjdbc/pgjdbc'])
    expect(useNoticeStore().notices.map((n) => n.message)).toContain(`Downloaded ${files[1]?.name}.`)
  })

  it('downloads the goals as a calendar that parses, and keeps it out of the report history', async () => {
    const { env, wrapper } = await openComposer()
    const files = catchDownloads()
    await otherButton(wrapper, 'Calendar (.ics)').trigger('click')
    await vi.waitFor(() => expect(files).toHaveLength(1), { timeout: 5000 })
    expect(files[0]?.name).toBe('pathfinder-goals.ics')
    expect(files[0]?.blob.type).toContain('text/calendar')
    const calendar = new ICAL.Component(ICAL.parse((await files[0]?.blob.text()) ?? ''))
    expect(calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary)).toEqual(['Goal due: Ship the driver', 'Milestone: Beta'])
    expect(env.core.db.prepare('SELECT count(*) AS n FROM report_export').get()).toEqual({ n: 0 })
  })

  it('on the desktop asks where to save, and waits with every export button while it works', async () => {
    let release: (path: string | null) => void = () => {}
    const asked: string[] = []
    const { wrapper } = await openComposer({
      host: {
        kind: 'desktop',
        secrets: memorySecretStore(),
        saveFile: (name) => {
          asked.push(name)
          return new Promise((resolve) => (release = resolve))
        },
      },
    })
    await vi.waitFor(() => expect(wrapper.text()).toContain('You choose where each file is saved.'))
    await otherButton(wrapper, 'Calendar (.ics)').trigger('click')
    await vi.waitFor(() => expect(asked).toEqual(['pathfinder-goals.ics']))
    await flushPromises()
    expect(otherButton(wrapper, 'JSON Resume').attributes('disabled')).toBeDefined()
    expect(wrapper.get('section[aria-busy="true"]').text()).toContain('Preparing Calendar (.ics)…')

    release('/home/alex/Calendar/pathfinder-goals.ics')
    await vi.waitFor(() => expect(useNoticeStore().notices.map((n) => n.message)).toContain('Saved to /home/alex/Calendar/pathfinder-goals.ics'))
    expect(otherButton(wrapper, 'JSON Resume').attributes('disabled')).toBeUndefined()

    // Closing the dialog is no failure: nothing to say.
    await otherButton(wrapper, 'JSON Resume').trigger('click')
    await vi.waitFor(() => expect(asked).toHaveLength(2))
    expect(asked[1]).toMatch(/resume\.json$/)
    const before = useNoticeStore().notices.length
    release(null)
    await vi.waitFor(() => expect(otherButton(wrapper, 'JSON Resume').attributes('disabled')).toBeUndefined())
    expect(useNoticeStore().notices).toHaveLength(before)
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })
})
