import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium } from '@playwright/test'
import type { ReportOptionsInput } from '@shared/contract/reports'
import { reportFormats, type ReportModel } from '@shared/domain/report'
import { createPdfPrinter } from '../../electron/web/pdf'
import { apiOf, must } from '../support/api'
import { openClockedCore, secrets, seedYear } from '../support/reportSeed'

/**
 * The public profile is one HTML file a person hosts anywhere. Whatever the composer sends, it
 * holds public work only: no private repository (named in the field or only in the link), no
 * note of any kind, no salary, not even a count of what was left out; and it loads nothing.
 */
let clocked: Awaited<ReturnType<typeof openClockedCore>>
let api: ReturnType<typeof apiOf>
const printer = createPdfPrinter(chromium)

beforeAll(async () => {
  clocked = await openClockedCore('2025-12-01T00:00:00Z')
  api = apiOf(clocked.core)
  await seedYear(api, clocked.set)
  clocked.set('2026-11-20T10:00:00Z')
  // Private work the person starred and gave an impact line: still never on a public page.
  await must(api.activities.create({ kind: 'code-review', date: '2026-10-01', title: 'PRIVATE-TITLE review of the ledger', repo: 'acme/ledger', starred: true, impact: 'PRIVATE-IMPACT saved the audit' }))
  await must(api.activities.create({ kind: 'learning', date: '2026-10-03', title: 'Read about B-trees', notes: 'NOTE-SECRET-LEARNING for the interview at acme' }))
  clocked.set('2026-11-25T10:00:00Z')
})
afterAll(async () => {
  await printer.close()
  clocked.core.dispose()
})

const leaks = [secrets.privateRepo, 'secret-service', 'acme/', secrets.privateTitle, 'PRIVATE-TITLE', 'PRIVATE-IMPACT', 'NOTE-SECRET', secrets.itemNote, secrets.goalDescription, '$80,000', '120,000', 'USD', 'private repositor', 'leaves out', 'salary range']

describe('the public profile', () => {
  it('never shows private work, notes or salaries, even when the options ask for them', async () => {
    // Everything a composer could send to undo the exclusions, and sections that hold goals, the plan and history.
    const options: ReportOptionsInput = {
      period: { preset: 'this-year' },
      timeZone: 'Europe/Berlin',
      template: 'public-profile',
      sections: ['summary', 'outcomes', 'goals', 'roadmap', 'comparison', 'open-source', 'skills', 'strategy-work', 'heatmap'],
      exclude: { privateRepositories: false, notes: false, salaryRanges: false },
      author: { name: 'Jane Doe', title: 'Backend Developer' },
    }
    for (const format of reportFormats) {
      const content = (await must(api.reports.render({ options, format }))).content
      for (const leak of leaks) expect(content.toLowerCase(), `${format} shows "${leak}"`).not.toContain(leak.toLowerCase())
    }
    const model: ReportModel = JSON.parse((await must(api.reports.render({ options, format: 'json' }))).content)
    expect(model.sections).toEqual(['summary', 'outcomes', 'open-source', 'skills', 'strategy-work', 'heatmap'])
    expect(model.redactions).toEqual({ exclude: { privateRepositories: true, notes: true, salaryRanges: true }, privateActivities: 0, privateRepositories: 0 })
    expect(model.goals).toBeNull()
    expect(model.roadmap).toBeNull()
    // The public work is there, so the checks above can fail.
    expect(model.activities.map((a) => a.title)).toContain('Fix a race in the task scheduler')
    expect(model.openSource?.repositories.map((r) => r.repo)).toEqual(['spring-projects/spring-boot', 'expressjs/express'])

    // The same options on the personal review do show them: the leak list is real.
    const personal = (await must(api.reports.render({ options: { ...options, template: 'personal-review' }, format: 'html' }))).content
    for (const shown of ['PRIVATE-TITLE', 'NOTE-SECRET', '$80,000']) expect(personal).toContain(shown)
  })

  it('is one self-contained file: no script, no external address it would load, and no request when opened', async () => {
    const options = { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin', template: 'public-profile' } as const
    const rendered = await must(api.reports.render({ options, format: 'html' }))
    const html = rendered.content
    expect(rendered.fileName).toMatch(/profile-2026-01-01-to-2026-11-25\.html$/)
    expect(html).not.toMatch(/<script|<link|<iframe|<img[^>]+src=["']?https?:|@import|url\(\s*["']?https?:/i)
    expect(html).toContain("default-src 'none'")
    // Opened in Chromium (printing waits for the page to load): nothing is fetched.
    const printable = await must(api.reports.printable({ options }))
    const requests: string[] = []
    await printer.print(printable.html, printable.pdf, { onRequest: (url) => requests.push(url) })
    expect(requests).toEqual([])
  }, 60_000)
})
