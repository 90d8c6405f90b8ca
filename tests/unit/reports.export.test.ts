import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { afterAll, describe, expect, it } from 'vitest'
import { createPdfPrinter } from '../../electron/web/pdf'
import { memorySecretStore, type HostServices } from '../../electron/core/host/hostServices'
import { apiOf, must, refused } from '../support/api'
import { makeTempDir, openTempCore } from '../support/tempCore'

const printer = createPdfPrinter(chromium)
const saveDir = makeTempDir('pathfinder-saved-')
const opened: (() => void)[] = []
afterAll(async () => {
  await printer.close()
  opened.forEach((dispose) => dispose())
  rmSync(saveDir, { recursive: true, force: true })
})

/** A desktop-like host whose "save dialog" answers as the person would: a path, or cancel. */
async function coreWithHost(answer: 'save' | 'cancel' | 'no-dialog') {
  const host: HostServices = {
    kind: answer === 'no-dialog' ? 'browser' : 'desktop',
    secrets: memorySecretStore(),
    printPdf: (html, options) => printer.print(html, options),
    ...(answer === 'no-dialog' ? {} : { saveFile: async (name: string, data: Buffer) => {
      if (answer === 'cancel') return null
      const file = join(saveDir, name)
      writeFileSync(file, data)
      return file
    } }),
  }
  const core = await openTempCore({ host })
  opened.push(core.dispose)
  const api = apiOf(core)
  await must(api.activities.create({ kind: 'pull-request', date: '2026-11-20', title: 'Fix async error handling in the router', repo: 'expressjs/express', state: 'merged' }))
  return { core, api }
}

const options = { period: { preset: 'last-12-months' as const }, template: 'personal-review' as const }

describe('reports.export', () => {
  it('hands a browser the Markdown to download and records the export', async () => {
    const { api } = await coreWithHost('no-dialog')
    const exported = await must(api.reports.export({ options, format: 'markdown', delivery: 'download' }))
    expect(exported.download?.encoding).toBe('utf8')
    expect(exported.download?.content).toContain('Fix async error handling in the router')
    expect(exported.fileName).toMatch(/\.md$/)
    expect((await must(api.reports.history({}))).map((h) => h.format)).toEqual(['markdown'])
  })

  it('prints a PDF with Chromium and hands it over as base64', async () => {
    const { api } = await coreWithHost('no-dialog')
    const exported = await must(api.reports.export({ options, format: 'pdf', delivery: 'download' }))
    expect(exported.mimeType).toBe('application/pdf')
    expect(Buffer.from(exported.download?.content ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('saves through the save dialog, and a cancelled dialog writes and records nothing', async () => {
    const saving = await coreWithHost('save')
    const saved = await must(saving.api.reports.export({ options, format: 'html', delivery: 'save-dialog' }))
    expect(saved.savedTo && existsSync(saved.savedTo)).toBe(true)
    expect(readFileSync(saved.savedTo ?? '', 'utf8')).toContain('Fix async error handling in the router')
    expect(saved.download).toBeNull()

    const cancelling = await coreWithHost('cancel')
    const cancelled = await must(cancelling.api.reports.export({ options, format: 'pdf', delivery: 'save-dialog' }))
    expect(cancelled).toMatchObject({ cancelled: true, savedTo: null, record: null })
    expect(await must(cancelling.api.reports.history({}))).toEqual([])
  })

  it('says so when the window has no save dialog', async () => {
    const { api } = await coreWithHost('no-dialog')
    const error = await refused(api.reports.export({ options, format: 'csv', delivery: 'save-dialog' }))
    expect(error).toMatchObject({ code: 'unavailable', message: 'This window has no save dialog; download the file instead.' })
  })
})
