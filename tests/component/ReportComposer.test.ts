import { flushPromises } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { format } from 'date-fns'
import type { CoreOptions } from '../../electron/core/core'
import { memorySecretStore } from '../../electron/core/host/hostServices'
import ReportComposer from '../../renderer/src/reports/ReportComposer.vue'
import { useNoticeStore } from '../../renderer/src/ui/useNoticeStore'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
  vi.restoreAllMocks()
  localStorage.clear()
})

/** The message a control points at through aria-describedby. */
function describedBy(el: Element): string {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ')
}

const srcdoc = (wrapper: VueWrapper): string => wrapper.find('iframe').attributes('srcdoc') ?? ''

async function openComposer(options: Partial<CoreOptions> = {}) {
  const env = await withRealCore(options)
  const today = format(new Date(), 'yyyy-MM-dd')
  const seeded = await env.core.dispatch('activities.create', {
    kind: 'pull-request',
    date: today,
    title: 'Stream large result sets from the JDBC driver',
    url: 'https://github.com/pgjdbc/pgjdbc/pull/3101',
    repo: 'pgjdbc/pgjdbc',
    state: 'merged',
  })
  expect(seeded.ok).toBe(true)
  const router = await testRouter('/reports')
  const wrapper = env.mount(ReportComposer, { attachTo: document.body, global: { plugins: [router] } })
  cleanup = () => {
    wrapper.unmount()
    env.dispose()
  }
  await vi.waitFor(() => expect(srcdoc(wrapper)).toContain('<h1>Progress review</h1>'), { timeout: 12_000 })
  return { env, wrapper }
}

// The first preview compiles the report's chart code; a loaded machine takes seconds for it.
describe('the report composer', { timeout: 30_000 }, () => {
  it('previews the template chosen: a job application gets its own title, sections and figures', async () => {
    const { wrapper } = await openComposer()
    expect(wrapper.get('iframe').attributes('sandbox')).toBe('')
    expect(wrapper.get('[aria-label="Key figures of the report"] h2').text()).toBe('Progress review')

    await wrapper.get('input[type="radio"][value="job-application"]').setValue(true)
    await vi.waitFor(() => expect(srcdoc(wrapper)).toContain('<h1>Professional development record</h1>'), { timeout: 5000 })
    expect(wrapper.get('[aria-label="Key figures of the report"] h2').text()).toBe('Professional development record')
    // The template's own sections, in its order, and what it leaves out by default.
    const ticked = wrapper.findAll('ol input[type="checkbox"]').filter((box) => (box.element instanceof HTMLInputElement ? box.element.checked : false))
    expect(ticked.map((box) => box.element.closest('label')?.textContent?.trim())).toEqual([
      'Summary',
      'Selected outcomes',
      'Open-source contributions',
      'Skills',
      'Certifications, community and writing',
    ])
    expect(srcdoc(wrapper)).not.toContain('id="goals"')
    expect(wrapper.get('dl').text()).toContain('Merged pull requests')
  })

  it('says in the contract’s words when a custom period ends before it starts, and exports nothing meanwhile', async () => {
    const { wrapper } = await openComposer()
    await wrapper.get('select').setValue('custom')
    const [from, to] = wrapper.findAll('input[type="date"]')
    await from?.setValue('2026-06-01')
    await to?.setValue('2026-05-01')
    await settle()

    expect(from?.attributes('aria-invalid')).toBe('true')
    expect(describedBy(from?.element ?? document.body)).toBe('The start date must not be after the end date')
    const exportButtons = wrapper.findAll('.buttons[role="group"] button')
    expect(exportButtons.length).toBe(5)
    expect(exportButtons.every((b) => b.attributes('disabled') !== undefined)).toBe(true)
    expect(wrapper.text()).toContain('Fix the options marked on the left to export.')
    expect(wrapper.text()).toContain('Showing the last valid choices')

    await to?.setValue('2026-07-31')
    await settle()
    expect(from?.attributes('aria-invalid')).toBeUndefined()
    await vi.waitFor(() => expect(srcdoc(wrapper)).toContain('1 June 2026 to 31 July 2026'), { timeout: 5000 })
  })

  it('hands a browser export to the download and lists it in the history', async () => {
    const { env, wrapper } = await openComposer()
    const blobs: Blob[] = []
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      if (blob instanceof Blob) blobs.push(blob)
      return 'blob:pathfinder-test'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    await vi.waitFor(() => expect(wrapper.text()).toContain('Your browser downloads each file'))

    const markdown = wrapper.findAll('[role="group"] button').find((b) => b.text() === 'Export as Markdown')
    await markdown?.trigger('click')
    await vi.waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1), { timeout: 5000 })

    expect(clicked).toHaveLength(1)
    expect(clicked[0]).toMatch(/\.md$/)
    const text = await blobs[0]?.text()
    expect(text).toContain('# Progress review')
    expect(text).toContain('pgjdbc/pgjdbc')
    expect(blobs[0]?.type).toContain('text/markdown')
    await settle()
    const history = wrapper.get('table')
    expect(history.text()).toContain('Markdown')
    expect(history.text()).toContain('1 merged PR')
    expect(env.core.db.prepare('SELECT format, title FROM report_export').all()).toEqual([{ format: 'markdown', title: 'Progress review' }])
  })

  it('on the desktop shows the PDF printing, buttons waiting, then where it was saved; a failed print says so in words', async () => {
    let finishPrint: (pdf: Buffer) => void = () => {}
    let failPrint: (error: Error) => void = () => {}
    const saved: string[] = []
    const { env, wrapper } = await openComposer({
      host: {
        kind: 'desktop',
        secrets: memorySecretStore(),
        printPdf: () =>
          new Promise<Buffer>((resolve, reject) => {
            finishPrint = resolve
            failPrint = reject
          }),
        saveFile: async (name) => {
          saved.push(name)
          return `/home/alex/Documents/${name}`
        },
      },
    })
    await vi.waitFor(() => expect(wrapper.text()).toContain('You choose where each file is saved.'))
    const button = (label: string) => wrapper.findAll('[role="group"] button').find((b) => b.text() === `Export as ${label}`)

    await button('PDF')?.trigger('click')
    // The print is held open on purpose: wait for the page, not for the call.
    await flushPromises()
    expect(wrapper.get('[aria-live="polite"]').text()).toBe('Printing PDF…')
    expect(wrapper.get('[role="progressbar"]').attributes('aria-label')).toBe('Exporting PDF')
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBeUndefined()
    expect(button('Markdown')?.attributes('disabled')).toBeDefined()

    finishPrint(Buffer.from('%PDF-1.7 test'))
    await vi.waitFor(() => expect(useNoticeStore().notices.map((n) => n.message)).toContain(`Saved to /home/alex/Documents/${saved[0]}`))
    expect(saved[0]).toMatch(/\.pdf$/)
    expect(wrapper.find('[role="progressbar"]').exists()).toBe(false)
    expect(button('Markdown')?.attributes('disabled')).toBeUndefined()
    await settle()
    expect(wrapper.get('table').text()).toContain('PDF')

    await button('PDF')?.trigger('click')
    await flushPromises()
    failPrint(new Error('Chromium crashed'))
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toBe('The PDF export failed: Something went wrong on our side. Your data is unchanged; please try again.')
    expect(env.core.db.prepare('SELECT count(*) AS n FROM report_export').get()).toEqual({ n: 1 })
  })
})
