import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportModel } from '@shared/domain/report'
import { apiOf, must } from '../support/api'
import { openClockedCore } from '../support/reportSeed'

/** A report over several years shows every year of work, one calendar row per year (it showed the last 53 weeks). */
let clocked: Awaited<ReturnType<typeof openClockedCore>>
let api: ReturnType<typeof apiOf>

beforeAll(async () => {
  clocked = await openClockedCore('2026-11-25T10:00:00Z')
  api = apiOf(clocked.core)
  for (const date of ['2013-05-01', '2014-03-03', '2024-02-14', '2024-02-14', '2025-07-01', '2026-11-20']) {
    await must(api.activities.create({ kind: 'pull-request', date, title: `Work on ${date}`, repo: 'o/r', state: 'merged' }))
  }
})
afterAll(() => clocked.core.dispose())

const options = (from: string, to: string) => ({ period: { preset: 'custom', from, to }, timeZone: 'Europe/Berlin', template: 'personal-review' }) as const

describe('the heatmap of a period longer than a year', () => {
  it('holds every day of a three-year period, and draws one calendar row per year', async () => {
    const model: ReportModel = JSON.parse((await must(api.reports.render({ options: options('2024-01-01', '2026-11-25'), format: 'json' }))).content)
    const h = model.heatmap
    expect(h).toMatchObject({ from: '2024-01-01', to: '2026-11-25', truncated: false, max: 2 })
    expect(h?.days).toHaveLength(model.period.days)
    expect(h?.days.find((d) => d.date === '2024-02-14')?.count).toBe(2)

    const html = (await must(api.reports.render({ options: options('2024-01-01', '2026-11-25'), format: 'html' }))).content
    const figure = /<figure role="img" aria-label="Calendar[\s\S]*?<\/figure>/.exec(html)?.[0] ?? ''
    for (const year of ['2024', '2025', '2026']) expect(figure).toMatch(new RegExp(`>${year}</text>`))
    expect(figure).toContain('1 Jan 2024 to 25 Nov 2026, one row per year.')
    const height = (svg: string) => Number(/<svg[^>]*height="(\d+)"/.exec(svg)?.[1])
    const oneYear = (await must(api.reports.render({ options: options('2026-01-01', '2026-11-25'), format: 'html' }))).content
    const single = /<figure role="img" aria-label="Calendar[\s\S]*?<\/figure>/.exec(oneYear)?.[0] ?? ''
    expect(single).not.toContain('one row per year')
    expect(height(figure)).toBeGreaterThan(2.5 * height(single))
  })

  it('keeps the last ten calendar years of a longer career and says so', async () => {
    const model: ReportModel = JSON.parse((await must(api.reports.render({ options: options('2013-01-01', '2026-11-25'), format: 'json' }))).content)
    expect(model.heatmap).toMatchObject({ from: '2017-01-01', to: '2026-11-25', truncated: true })
    // The months still cover the whole period.
    expect(model.heatmap?.months[0]?.month).toBe('2013-01')
    const html = (await must(api.reports.render({ options: options('2013-01-01', '2026-11-25'), format: 'html' }))).content
    expect(html).toContain('The last 10 years of the period, 1 Jan 2017 to 25 Nov 2026, one row per year.')
  })
})
