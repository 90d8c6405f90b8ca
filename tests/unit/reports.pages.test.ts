import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportOptionsInput } from '@shared/contract/reports'
import { reportSectionLabels } from '@shared/domain/report'
import { outcomeHeadings } from '../../electron/core/reports/reportText'
import { createPdfPrinter } from '../../electron/web/pdf'
import { apiOf, must } from '../support/api'
import { openClockedCore, seedYear } from '../support/reportSeed'

/**
 * Page breaks as a reader meets them, read back from the printed PDF: no page ends on a heading
 * (its rows on the next page), and the first page is not left half empty by a table that moved
 * whole to the second.
 */
const work = mkdtempSync(join(tmpdir(), 'pathfinder-pages-'))
const printer = createPdfPrinter(chromium)
let clocked: Awaited<ReturnType<typeof openClockedCore>>
let api: ReturnType<typeof apiOf>

beforeAll(async () => {
  clocked = await openClockedCore('2025-12-01T00:00:00Z')
  api = apiOf(clocked.core)
  await seedYear(api, clocked.set)
  // Enough work that sections land at every height of a page.
  for (let i = 1; i <= 24; i++) {
    const month = String(1 + (i % 11)).padStart(2, '0')
    await must(
      api.activities.create({
        kind: i % 3 === 0 ? 'code-review' : 'pull-request',
        date: `2026-${month}-${String(1 + (i % 27)).padStart(2, '0')}`,
        title: `Improve the request pipeline, part ${i}`,
        url: i % 3 === 0 ? null : `https://github.com/fastify/fastify/pull/${100 + i}`,
        repo: i % 3 === 0 ? 'fastify/fastify' : null,
        state: i % 3 === 0 ? null : 'merged',
        impact: i % 4 === 0 ? `Cut cold start by ${i} ms` : null,
        starred: i % 5 === 0,
      }),
    )
  }
})
afterAll(async () => {
  await printer.close()
  clocked.core.dispose()
  rmSync(work, { recursive: true, force: true })
})

const headings = [
  ...Object.values(reportSectionLabels),
  ...Object.values(outcomeHeadings),
  'Merged pull requests by repository',
  'Contributions',
  'Activities per month',
  'Completed',
  'In progress',
  'Overdue',
  'Completed in the period',
  'Certifications',
  'Talks',
  'Blog posts',
]
// A heading line as pdftotext prints it: the words alone, perhaps with a count after them.
const isHeading = (line: string): boolean => headings.some((h) => new RegExp(`^${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\d[\\d,]*)?$`).test(line))

/** The lowest inked row above the footer, as a share of the page's height (pdftoppm's raw PPM). */
function contentBottom(file: string, page: number): number {
  const prefix = join(work, `bottom-${page}`)
  execFileSync('pdftoppm', ['-r', '30', '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, prefix])
  const pgm = readFileSync(`${prefix}.pgm`)
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))
  if (!header?.[0]) throw new Error('Not a PGM image')
  const width = Number(header[1])
  const height = Number(header[2])
  const pixels = pgm.subarray(header[0].length)
  // The footer sits in the bottom margin (18 mm of 297): leave out the last 8% of the page.
  const footerTop = Math.floor(height * 0.92)
  let bottom = 0
  for (let y = 0; y < footerTop; y++) {
    for (let x = 0; x < width; x++) {
      if ((pixels[y * width + x] ?? 255) < 200) {
        bottom = y
        break
      }
    }
  }
  return bottom / height
}

async function printed(name: string, options: ReportOptionsInput) {
  const printable = await must(api.reports.printable({ options }))
  const file = join(work, `${name}.pdf`)
  writeFileSync(file, await printer.print(printable.html, printable.pdf))
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])
  const lines = (page: number) =>
    execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !/Page \d+ of \d+$/.test(l) && !/^Generated \d/.test(l) && !l.startsWith('Jane Doe · '))
  return { file, pages, lines }
}

describe('page breaks', () => {
  it.each([
    ['job-application', 'a4'],
    ['promotion-case', 'a4'],
    ['personal-review', 'a4'],
    ['personal-review', 'letter'],
  ] as const)('no page of the %s report (%s) ends on a heading, and page 1 is filled', async (template, pageSize) => {
    const { file, pages, lines } = await printed(`${template}-${pageSize}`, {
      period: { preset: 'this-year' },
      timeZone: 'Europe/Berlin',
      template,
      pageSize,
      author: { name: 'Jane Doe', title: 'Backend Developer' },
    })
    expect(pages).toBeGreaterThan(1)
    for (let page = 1; page < pages; page++) {
      const text = lines(page)
      const last = text.at(-1) ?? ''
      expect(isHeading(last), `page ${page} of ${pages} ends on the heading "${last}"`).toBe(false)
    }
    expect(contentBottom(file, 1), 'page 1 is filled to near its foot').toBeGreaterThan(0.75)
    for (const f of readdirSync(work)) if (f.endsWith('.pgm')) rmSync(join(work, f))
  }, 90_000)
})
