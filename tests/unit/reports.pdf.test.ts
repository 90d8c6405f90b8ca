import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportOptionsInput } from '@shared/contract/reports'
import { createPdfPrinter, toPlaywrightPdf } from '../../electron/web/pdf'
import { pdfOptions } from '../../electron/core/reports/pdfOptions'
import { apiOf, must } from '../support/api'
import { openClockedCore, seedYear } from '../support/reportSeed'
import { repoRoot } from '../support/tempCore'

/**
 * The PDF as both hosts make it: the report's HTML printed by Chromium with pdfOptions,
 * then read back with poppler (pdftoppm, pdftotext, pdfinfo) as a recipient would see it.
 */
const outDir = join(repoRoot, 'test-results', 'report-pdf')
const work = mkdtempSync(join(tmpdir(), 'pathfinder-pdf-'))
const printer = createPdfPrinter(chromium)
let clocked: Awaited<ReturnType<typeof openClockedCore>>
let api: ReturnType<typeof apiOf>

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true })
  clocked = await openClockedCore('2025-12-01T00:00:00Z')
  api = apiOf(clocked.core)
  await seedYear(api, clocked.set)
})
afterAll(async () => {
  await printer.close()
  clocked.core.dispose()
  rmSync(work, { recursive: true, force: true })
})

async function printReport(name: string, options: ReportOptionsInput) {
  const printable = await must(api.reports.printable({ options }))
  const requests: string[] = []
  const pdf = await printer.print(printable.html, printable.pdf, { onRequest: (url) => requests.push(url) })
  const file = join(work, `${name}.pdf`)
  writeFileSync(file, pdf)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  const pageText = (page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })
  return { printable, pdf, file, info, pages, pageText, requests }
}

/** Share of pixels on a page that are not near-white, from pdftoppm's raw PPM. */
function inkShare(pdfFile: string, page: number): number {
  const prefix = join(work, `ink-${page}-${Date.now()}`)
  execFileSync('pdftoppm', ['-r', '30', '-f', String(page), '-l', String(page), pdfFile, prefix])
  const ppmName = readdirSync(work).find((f) => f.startsWith(`ink-${page}-`) && f.endsWith('.ppm'))
  if (!ppmName) throw new Error('pdftoppm wrote no image')
  const ppm = readFileSync(join(work, ppmName))
  rmSync(join(work, ppmName))
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))
  if (!header?.[0]) throw new Error('Not a PPM image')
  const pixels = ppm.subarray(header[0].length)
  let inked = 0
  for (let i = 0; i + 2 < pixels.length; i += 3) if ((pixels[i] ?? 255) + (pixels[i + 1] ?? 255) + (pixels[i + 2] ?? 255) < 700) inked++
  return inked / (pixels.length / 3)
}

describe('the PDF export', () => {
  it('prints the job application report on A4 with its title, page numbers and no network request', async () => {
    const { pages, pageText, file, info, requests, printable } = await printReport('job-application', {
      period: { preset: 'this-year' },
      timeZone: 'Europe/Berlin',
      template: 'job-application',
      author: { name: 'Jane Doe', title: 'Backend Developer' },
    })
    expect(requests).toEqual([])
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)/)
    // This fixture fills three pages; the footer numbers them.
    expect(pages).toBe(3)
    const first = pageText(1)
    expect(first).toContain('Professional development record')
    expect(first).toContain('Jane Doe · Backend Developer')
    expect(first).toContain('1 January 2026 to 25 November 2026')
    expect(first).toMatch(/Jane Doe · Professional development record · 2026\s+Generated 25 Nov 2026\s+Page 1 of 3/)
    expect(pageText(pages)).toContain(`Page ${pages} of ${pages}`)
    // The hostile titles print as the characters they are.
    const all = Array.from({ length: pages }, (_, i) => pageText(i + 1)).join('\n')
    expect(all).toContain('<script>alert(1)</script>')
    expect(all).not.toContain('NOTE-SECRET')
    expect(inkShare(file, 1)).toBeGreaterThan(0.05)

    // Kept for a person to look at: test-results/report-pdf/job-application-page-1.png.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(outDir, 'job-application-page-1')])
    copyFileSync(file, join(outDir, 'job-application.pdf'))
    writeFileSync(join(outDir, 'job-application.html'), printable.html)
  }, 60_000)

  it('prints the full personal review on Letter, every page numbered', async () => {
    const { pages, pageText, info, file } = await printReport('personal-review', {
      period: { preset: 'this-year' },
      timeZone: 'Europe/Berlin',
      template: 'personal-review',
      pageSize: 'letter',
    })
    expect(info).toMatch(/Page size:\s+612(\.\d+)? x 792(\.\d+)? pts \(letter\)/)
    // Letter is shorter than A4: this fixture takes five pages.
    expect(pages).toBe(5)
    for (let page = 1; page <= pages; page++) {
      expect(pageText(page)).toContain(`Page ${page} of ${pages}`)
      expect(inkShare(file, page)).toBeGreaterThan(0.01)
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(outDir, 'personal-review-page-1')])
    copyFileSync(file, join(outDir, 'personal-review-letter.pdf'))
  }, 60_000)

  it('prints an empty period as one honest page', async () => {
    const { pages, pageText, file } = await printReport('empty', { period: { preset: 'custom', from: '2024-01-01', to: '2024-03-31' }, timeZone: 'Europe/Berlin' })
    expect(pages).toBe(1)
    expect(pageText(1)).toContain('No activity logged between 1 January 2024 and 31 March 2024.')
    expect(pageText(1)).toMatch(/Page 1 of 1/)
    expect(inkShare(file, 1)).toBeGreaterThan(0.02)
  }, 60_000)

  it('maps the shared print options to Playwright as the web host uses them', () => {
    const options = pdfOptions({ title: 'Progress review', author: null, generatedOn: '2026-11-25', pageSize: 'a4', period: { label: 'Q4 2026' } })
    expect(options).toMatchObject({ pageSize: 'A4', printBackground: true, displayHeaderFooter: true, margins: { top: 0.551, bottom: 0.709, left: 0.591, right: 0.591 } })
    expect(toPlaywrightPdf(options)).toMatchObject({ format: 'A4', margin: { top: '0.551in', bottom: '0.709in' }, printBackground: true })
    expect(options.footerTemplate).toContain('Progress review · Q4 2026')
  })
})
