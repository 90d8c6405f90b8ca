import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportOptionsInput } from '@shared/contract/reports'
import type { ReportModel, ReportTemplate } from '@shared/domain/report'
import { renderHtml } from '../../electron/core/reports/renderHtml'
import { renderMarkdown } from '../../electron/core/reports/renderMarkdown'
import { apiOf, must, refused } from '../support/api'
import { openClockedCore, seedYear } from '../support/reportSeed'

/**
 * Each template speaks to its reader. A hiring manager or a promotion panel reads outcomes:
 * the work the person starred, impact lines, skills gained, certifications and talks, first;
 * never streaks, day counts or months of zeros, which argue against the candidate.
 */
let clocked: Awaited<ReturnType<typeof openClockedCore>>
let api: ReturnType<typeof apiOf>
const ids: Record<string, number> = {}

beforeAll(async () => {
  clocked = await openClockedCore('2025-12-01T00:00:00Z')
  api = apiOf(clocked.core)
  await seedYear(api, clocked.set)
  clocked.set('2026-11-20T10:00:00Z')
  const log = async (draft: Parameters<typeof api.activities.create>[0]) => (await must(api.activities.create(draft))).id
  ids.latency = await log({ kind: 'pull-request', date: '2026-10-02', title: 'Cache route tables', url: 'https://github.com/expressjs/express/pull/9', state: 'merged', impact: 'Cut p95 routing latency from 800 ms to 120 ms' })
  ids.docs = await log({ kind: 'docs', date: '2026-10-05', title: 'Rewrite the migration guide', repo: 'expressjs/express', impact: 'Halved upgrade questions in the forum' })
  ids.plain = await log({ kind: 'pull-request', date: '2026-10-06', title: 'Bump a dependency', repo: 'expressjs/express', state: 'merged' })
  clocked.set('2026-11-25T10:00:00Z')
})
afterAll(() => clocked.core.dispose())

const optionsFor = (template: ReportTemplate): ReportOptionsInput => ({ period: { preset: 'this-year' }, timeZone: 'Europe/Berlin', template })
const model = async (template: ReportTemplate): Promise<ReportModel> => JSON.parse((await must(api.reports.render({ options: optionsFor(template), format: 'json' }))).content)
const render = async (template: ReportTemplate, format: 'markdown' | 'html') => (await must(api.reports.render({ options: optionsFor(template), format }))).content

describe('the star', () => {
  it('is set and cleared through the activities channels, and refused in words when not true or false', async () => {
    const id = ids.plain ?? 0
    expect((await must(api.activities.get({ id }))).starred).toBe(false)
    expect((await must(api.activities.update({ id, starred: true }))).starred).toBe(true)
    expect((await must(api.activities.update({ id, title: 'Bump a dependency (security)' }))).starred).toBe(true)
    expect((await must(api.activities.update({ id, starred: false }))).starred).toBe(false)
    const error = await refused(clocked.core.dispatch('activities.update', { id, starred: 'yes' }))
    expect(error.message).toContain('Starred is true or false')
    expect((await must(api.activities.get({ id }))).starred).toBe(false)
  })
})

describe('templates for a reader who weighs outcomes', () => {
  it('pick what the person starred for a job application, and fall back to impact and merged work when nothing is', async () => {
    const before = await model('job-application')
    expect(before.sections.slice(0, 2)).toEqual(['summary', 'outcomes'])
    expect(before.outcomes?.fromStars).toBe(false)
    // Impact lines first, then merged pull requests, newest first, up to the template's six.
    expect(before.outcomes?.selected.slice(0, 2)).toEqual([ids.docs, ids.latency])
    expect(before.outcomes?.selected).toHaveLength(6)

    await must(api.activities.update({ id: ids.plain ?? 0, starred: true }))
    await must(api.activities.update({ id: ids.latency ?? 0, starred: true }))
    const starred = await model('job-application')
    expect(starred.outcomes).toMatchObject({ fromStars: true, selected: [ids.plain, ids.latency] })
    // The impact line not picked is still quoted; the skills gained and the certification are there.
    expect(starred.outcomes?.impact).toEqual([ids.docs])
    expect(starred.outcomes?.skillsGained.map((s) => [s.title, s.levelStart, s.levelEnd])).toEqual([
      ['Spring Framework', null, 3],
      ['Java', 2, 4],
    ])
    expect(starred.outcomes?.certifications).toHaveLength(1)
    expect(starred.outcomes?.talks).toHaveLength(1)

    const md = await render('job-application', 'markdown')
    const selected = md.indexOf('### Selected work')
    expect(selected).toBeGreaterThan(md.indexOf('## Selected outcomes'))
    expect(selected).toBeLessThan(md.indexOf('## Open-source contributions'))
    expect(md).toContain('Cut p95 routing latency from 800 ms to 120 ms')
    await must(api.activities.update({ id: ids.plain ?? 0, starred: false }))
    await must(api.activities.update({ id: ids.latency ?? 0, starred: false }))
  })

  it.each(['job-application', 'promotion-case'] as const)('leave out streaks, day counts and empty months: %s', async (template) => {
    for (const format of ['markdown', 'html'] as const) {
      const text = await render(template, format)
      expect(text, format).not.toMatch(/streak/i)
      expect(text, format).not.toMatch(/logged (work )?on/i)
      expect(text, format).not.toMatch(/of \d+ days/)
      expect(text, format).not.toContain('Active days')
    }
    // Asked for, the activity section shows the months that had work and nothing else.
    const md = (await must(api.reports.render({ options: { ...optionsFor(template), sections: ['summary', 'heatmap'] }, format: 'markdown' }))).content
    expect(md).toContain('| Feb 2026 |')
    expect(md).not.toContain('| Jan 2026 |')
    expect(md).not.toMatch(/streak|of \d+ days/)
  })

  it('keeps the whole picture for the personal review', async () => {
    const md = await render('personal-review', 'markdown')
    expect(md).toContain('Work was logged on')
    expect(md).toContain('| Jan 2026 |')
  })

  it('quote the impact lines in a promotion case', async () => {
    const md = await render('promotion-case', 'markdown')
    expect(md).toContain('Cut p95 routing latency from 800 ms to 120 ms')
    expect(md).toContain('Halved upgrade questions in the forum')
    expect(md.indexOf('## Selected outcomes')).toBeLessThan(md.indexOf('## Goals'))
  })

  it('flag a skill marked done without a level instead of printing it as done', async () => {
    const m = await model('personal-review')
    expect(m.skills?.rows.find((s) => s.id === 'skill.data-structures')).toMatchObject({ status: 'done', unassessed: true })
    const md = await render('personal-review', 'markdown')
    const row = md.split('\n').find((l) => l.startsWith('| **Data Structures**'))
    expect(row).toContain('Marked done, no level set')
    expect(row).not.toContain('| Done |')
    expect(md).toContain('Data Structures (marked done, no level set: not counted)')
    const html = await render('personal-review', 'html')
    expect(html).toContain('<span class="badge flagged">Marked done, no level set</span>')
  })

  it('quote weekly-review entries when the weekly review supplies them', async () => {
    const m = await model('promotion-case')
    expect(m.outcomes?.reviews).toEqual([])
    const withReviews: ReportModel = { ...m, outcomes: m.outcomes && { ...m.outcomes, reviews: [{ weekOf: '2026-11-16', text: 'Shipped the <cache> and mentored Ana' }] } }
    expect(renderMarkdown(withReviews)).toContain('### From my weekly reviews')
    expect(renderMarkdown(withReviews)).toContain('**Week of 16 Nov 2026**')
    const html = renderHtml(withReviews)
    expect(html).toContain('From my weekly reviews')
    expect(html).toContain('Shipped the &lt;cache&gt; and mentored Ana')
  })

  it('quote the weekly reviews the person saved in the period, answers blank left out', async () => {
    await must(api.reviews.save({ weekStart: '2026-11-16', shipped: 'The <cache> layer, 40% fewer queries', learned: '', next: 'Mentor Ana' }))
    const m = await model('promotion-case')
    expect(m.outcomes?.reviews).toEqual([{ weekOf: '2026-11-16', text: 'Shipped: The <cache> layer, 40% fewer queries — Next: Mentor Ana' }])
    expect(await render('promotion-case', 'html')).toContain('Shipped: The &lt;cache&gt; layer, 40% fewer queries')
  })
})

/** The noun each tile counts, as its line would name it. */
const tileNouns: Partial<Record<string, RegExp>> = {
  activities: /activit/,
  activeDays: /day/,
  openSourceContributions: /contribution/,
  mergedPullRequests: /merged/,
  repositories: /repositor/,
  strategyWork: /beyond/,
  skillsImproved: /levelled|skills? (improved|up)/,
  goalsDone: /goal/,
  milestonesDone: /milestone/,
  certifications: /certification/,
  communityWork: /talks? and writing/,
}

describe('the summary tiles', () => {
  it.each(['personal-review', 'job-application', 'promotion-case'] as const)('show six distinct facts, none repeating another tile: %s', async (template) => {
    const m = await model(template)
    expect(m.kpis).toHaveLength(6)
    expect(new Set(m.kpis.map((k) => k.key)).size).toBe(6)
    for (const tile of m.kpis) {
      for (const other of m.kpis) {
        const noun = tileNouns[other.key]
        if (other === tile || !noun || tile.detail === null) continue
        // "in 2 repositories" under one tile while another tile says Repositories 2: the same fact twice.
        const repeats = [...tile.detail.matchAll(/(\d[\d,]*) ([a-z ]+)/gi)].some((match) => Number((match[1] ?? '').replace(/,/g, '')) === other.value && noun.test(match[2] ?? ''))
        expect(repeats, `${template}: "${tile.label}: ${tile.detail}" repeats the ${other.label} tile`).toBe(false)
      }
    }
  })

  it('gives a job application the outcomes: merged work, where, skills, certifications, talks and writing, impact', async () => {
    const m = await model('job-application')
    expect(m.kpis.map((k) => [k.key, k.display, k.detail])).toEqual([
      ['mergedPullRequests', '5', 'of 6 pull requests opened'],
      ['repositories', '2', 'most merged in spring-projects/spring-boot'],
      ['skillsImproved', '2', 'Spring Framework now level 3'],
      ['certifications', '1', null],
      ['communityWork', '2', '1 talk and 1 blog post'],
      ['withImpact', '2', 'activities with an impact line'],
    ])
  })
})

