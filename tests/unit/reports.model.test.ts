import { describe, expect, it } from 'vitest'
import type { ReportOptionsInput } from '@shared/contract/reports'
import type { ReportModel } from '@shared/domain/report'
import { reportTemplateSpecs } from '@shared/domain/report'
import { resolvePeriod } from '../../electron/core/reports/period'
import { apiOf, must, refused } from '../support/api'
import { openClockedCore, secrets, seedYear } from '../support/reportSeed'
import { useTempCores } from '../support/useTempCores'

const { defer } = useTempCores()

async function setup(start = '2025-12-01T00:00:00Z') {
  const clocked = await openClockedCore(start)
  defer(clocked.core.dispose)
  return { ...clocked, api: apiOf(clocked.core) }
}

async function seeded() {
  const s = await setup()
  const seed = await seedYear(s.api, s.set)
  return { ...s, ...seed }
}

const year2026: ReportOptionsInput['period'] = { preset: 'custom', from: '2026-01-01', to: '2026-12-31' }

async function model(api: ReturnType<typeof apiOf>, options: ReportOptionsInput): Promise<ReportModel> {
  const rendered = await must(api.reports.render({ options, format: 'json' }))
  const parsed: ReportModel = JSON.parse(rendered.content)
  return parsed
}

describe('report periods', () => {
  const at = (iso: string) => new Date(iso)

  it('takes this year, quarter and month in the user zone, up to today', () => {
    // 23:30 UTC on 31 December is already 00:30 on 1 January in Berlin.
    const now = at('2026-12-31T23:30:00Z')
    expect(resolvePeriod({ preset: 'this-year' }, 'Europe/Berlin', now, null)).toMatchObject({
      label: '2027',
      from: '2027-01-01',
      to: '2027-01-01',
      startsAt: '2026-12-31T23:00:00.000Z',
      endsAt: '2027-01-01T23:00:00.000Z',
      days: 1,
    })
    expect(resolvePeriod({ preset: 'this-year' }, 'UTC', now, null)).toMatchObject({ label: '2026', from: '2026-01-01', to: '2026-12-31', days: 365 })
    expect(resolvePeriod({ preset: 'this-year' }, 'America/Los_Angeles', at('2027-01-01T05:00:00Z'), null)).toMatchObject({ label: '2026', to: '2026-12-31' })
    expect(resolvePeriod({ preset: 'this-quarter' }, 'Europe/Berlin', at('2026-11-25T10:00:00Z'), null)).toMatchObject({ label: 'Q4 2026', from: '2026-10-01', to: '2026-11-25' })
    expect(resolvePeriod({ preset: 'this-month' }, 'Asia/Tokyo', at('2026-02-28T16:00:00Z'), null)).toMatchObject({ label: 'March 2026', from: '2026-03-01', to: '2026-03-01' })
  })

  it('counts the last 12 months, all time from the first record, and names whole custom spans', () => {
    const now = at('2026-11-25T10:00:00Z')
    expect(resolvePeriod({ preset: 'last-12-months' }, 'UTC', now, null)).toMatchObject({ from: '2025-11-26', to: '2026-11-25', days: 365 })
    expect(resolvePeriod({ preset: 'all-time' }, 'UTC', now, '2024-03-03')).toMatchObject({ label: 'All time', from: '2024-03-03', to: '2026-11-25' })
    expect(resolvePeriod({ preset: 'all-time' }, 'UTC', now, null)).toMatchObject({ from: '2026-11-25', to: '2026-11-25' })
    expect(resolvePeriod({ preset: 'custom', from: '2026-04-01', to: '2026-06-30' }, 'UTC', now, null).label).toBe('Q2 2026')
    expect(resolvePeriod({ preset: 'custom', from: '2026-02-01', to: '2026-02-28' }, 'UTC', now, null).label).toBe('February 2026')
    expect(resolvePeriod({ preset: 'custom', from: '2026-07-01', to: '2026-12-31' }, 'UTC', now, null).label).toBe('H2 2026')
    expect(resolvePeriod({ preset: 'custom', from: '2026-01-01', to: '2026-12-31' }, 'UTC', now, null).label).toBe('2026')
    expect(resolvePeriod({ preset: 'custom', from: '2025-12-15', to: '2026-01-10' }, 'UTC', now, null)).toMatchObject({
      label: '15 Dec 2025 – 10 Jan 2026',
      range: '15 December 2025 to 10 January 2026',
    })
    // Across a daylight-saving change the period still starts at local midnight.
    expect(resolvePeriod({ preset: 'custom', from: '2026-03-29', to: '2026-03-29' }, 'Europe/Berlin', now, null)).toMatchObject({
      startsAt: '2026-03-28T23:00:00.000Z',
      endsAt: '2026-03-29T22:00:00.000Z',
    })
  })

  it('puts late-evening work in the year of the user’s calendar, not of UTC', async () => {
    const { api, set } = await setup('2026-12-31T22:30:00Z')
    // 23:30 in Berlin on 31 December: the last evening of 2026.
    await must(api.activities.create({ kind: 'blog-post', date: '2026-12-31', title: 'Year in review' }))
    await must(api.roadmap.setLevel({ itemId: 'skill.java', level: 3 }))
    const atNight = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' })
    expect(atNight.period).toMatchObject({ label: '2026', from: '2026-01-01', to: '2026-12-31' })
    expect(atNight.figures).toMatchObject({ activities: 1, skillsImproved: 1 })

    // An hour later it is 00:30 on 1 January in Berlin, still 31 December in UTC.
    set('2026-12-31T23:30:00Z')
    await must(api.roadmap.setLevel({ itemId: 'skill.spring-framework', level: 2 }))
    const berlin2026 = await model(api, { period: year2026, timeZone: 'Europe/Berlin' })
    expect(berlin2026.activities.map((a) => a.title)).toEqual(['Year in review'])
    expect(berlin2026.skills?.rows.filter((s) => s.change > 0).map((s) => s.id)).toEqual(['skill.java'])
    const berlin2027 = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' })
    expect(berlin2027.period.label).toBe('2027')
    expect(berlin2027.figures).toMatchObject({ activities: 0, skillsImproved: 1 })
    expect(berlin2027.skills?.rows.find((s) => s.id === 'skill.spring-framework')).toMatchObject({ levelStart: null, levelEnd: 2, change: 2 })
    const utc2026 = await model(api, { period: year2026, timeZone: 'UTC' })
    expect(utc2026.figures.skillsImproved).toBe(2)
  })
})

describe('the report model', () => {
  it('shows each skill’s level at the start and the end of the period', async () => {
    const { api } = await seeded()
    const year = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' })
    const skill = (m: ReportModel, id: string) => m.skills?.rows.find((s) => s.id === id)
    expect(skill(year, 'skill.java')).toMatchObject({ levelStart: 2, levelEnd: 4, change: 2, status: 'in-progress', activities: 2 })
    expect(skill(year, 'skill.spring-framework')).toMatchObject({ levelStart: null, levelEnd: 3, change: 3, activities: 2 })
    expect(skill(year, 'skill.data-structures')).toMatchObject({ status: 'done', change: 0 })
    expect(year.figures.skillsImproved).toBe(2)
    // Highest level first.
    expect(year.skills?.rows.slice(0, 2).map((s) => s.id)).toEqual(['skill.java', 'skill.spring-framework'])

    const q1 = await model(api, { period: { preset: 'custom', from: '2026-01-01', to: '2026-03-31' }, timeZone: 'Europe/Berlin' })
    expect(skill(q1, 'skill.java')).toMatchObject({ levelStart: 2, levelEnd: 2, change: 0 })
    expect(skill(q1, 'skill.spring-framework')).toMatchObject({ levelStart: null, levelEnd: 1, change: 1 })
    const h2 = await model(api, { period: { preset: 'custom', from: '2026-07-01', to: '2026-11-25' }, timeZone: 'Europe/Berlin' })
    expect(h2.figures.skillsImproved).toBe(0)
    expect(skill(h2, 'skill.java')).toMatchObject({ levelStart: 4, levelEnd: 4 })
  })

  it('measures roadmap progress with the shared rule at both ends of the period', async () => {
    const { api } = await seeded()
    const year = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' })
    const summary = await must(api.progress.summary(undefined))
    // The end of a period that runs to today is today's progress, exactly as the dashboard has it.
    expect(year.roadmap?.overall.end).toEqual(summary.overall)
    // Data Structures was marked done without a level: listed, flagged, and not counted as completed.
    expect(year.roadmap?.completed.map((c) => [c.id, c.on, c.unassessed])).toEqual([['skill.data-structures', '2026-03-15', true]])
    expect(year.figures.itemsCompleted).toBe(0)
    const cs = year.roadmap?.stages.find((s) => s.id === 'stage.cs-degree')
    expect(cs?.start).toMatchObject({ done: 0, inProgress: 1, counted: 3 })
    expect(cs?.end).toMatchObject({ done: 1, inProgress: 0, counted: 3 })
    // Only the chosen track is listed once one is chosen.
    expect(year.roadmap?.tracks.map((t) => t.id)).toEqual(['track.java'])
  })

  it('sorts goals into done, in progress and overdue as they stood at the end of the period', async () => {
    const { api } = await seeded()
    const year = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' })
    expect(year.goals?.done.map((g) => [g.title, g.completedOn])).toEqual([['Become a Java developer', '2026-09-25']])
    expect(year.goals?.done[0]?.milestones.map((m) => m.doneOn)).toEqual(['2026-03-15', '2026-09-25'])
    expect(year.goals?.overdue.map((g) => g.title)).toEqual(['Speak at a conference'])
    expect(year.goals?.inProgress).toHaveLength(2)
    expect(year.figures).toMatchObject({ goalsDone: 1, goalsOverdue: 1, goalsInProgress: 2, milestonesDone: 2 })

    // In Q1 the Java goal was still open, with one milestone of two reached.
    const q1 = await model(api, { period: { preset: 'custom', from: '2026-01-01', to: '2026-03-31' }, timeZone: 'Europe/Berlin' })
    const java = q1.goals?.inProgress.find((g) => g.title === 'Become a Java developer')
    expect(java).toMatchObject({ status: 'active', progress: 0.5, completedOn: null })
    expect(java?.milestones.map((m) => m.doneOn)).toEqual(['2026-03-15', null])
    expect(q1.goals?.done).toEqual([])
    expect(q1.goals?.overdue).toEqual([])
    expect(q1.figures.milestonesDone).toBe(1)
  })

  it('keeps a goal done on the day it was marked done, whatever was edited after', async () => {
    const { api, set } = await setup()
    set('2026-03-10T12:00:00Z')
    const goal = await must(api.goals.create({ title: 'Pass the Java exam', startDate: '2026-01-01' }))
    set('2026-03-20T12:00:00Z')
    await must(api.goals.update({ goalId: goal.id, status: 'done' }))
    set('2026-06-15T12:00:00Z')
    await must(api.goals.update({ goalId: goal.id, description: 'Oracle Certified Professional, 82%' }))

    const q1 = await model(api, { period: { preset: 'custom', from: '2026-01-01', to: '2026-03-31' }, timeZone: 'UTC' })
    expect(q1.goals?.done.map((g) => [g.title, g.completedOn])).toEqual([['Pass the Java exam', '2026-03-20']])
    // Done before Q2 began: Q2's report neither lists it as done nor as open.
    const q2 = await model(api, { period: { preset: 'custom', from: '2026-04-01', to: '2026-06-30' }, timeZone: 'UTC' })
    expect(q2.goals?.done).toEqual([])
    expect(q2.goals?.inProgress.map((g) => g.title)).not.toContain('Pass the Java exam')
  })

  it('counts open-source work by repository and the rest by kind, deleted and out-of-period work left out', async () => {
    const { api } = await seeded()
    const year = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin', exclude: { privateRepositories: false } })
    // The follow-up was logged with its link only: its repository comes from the link, so the table adds up to the total.
    expect(year.openSource?.repositories.map((r) => [r.repo, r.mergedPullRequests, r.contributions])).toEqual([
      ['spring-projects/spring-boot', 3, 3],
      ['acme/secret-service', 2, 2],
      ['expressjs/express', 0, 3],
    ])
    expect(year.figures).toMatchObject({ activities: 11, openSourceContributions: 8, mergedPullRequests: 5, repositories: 3, strategyWork: 3, hours: 6 })
    expect(year.strategyWork?.groups.map((g) => [g.kind, g.count])).toEqual([
      ['certification', 1],
      ['talk', 1],
      ['blog-post', 1],
    ])
    expect(year.activities.some((a) => a.title === 'Removed meetup' || a.title === 'Last year fix')).toBe(false)
    expect(year.heatmap?.days).toHaveLength(year.period.days)
    expect(year.heatmap?.months.map((m) => m.total).reduce((a, b) => a + b, 0)).toBe(11)
  })

  it('leaves private repositories out when asked, matching by repository or by link', async () => {
    const { api } = await seeded()
    expect(await must(api.reports.privateRepositories(undefined))).toEqual(['acme/*'])
    const year = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin', exclude: { privateRepositories: true } })
    expect(year.redactions).toMatchObject({ privateActivities: 2, privateRepositories: 1 })
    expect(year.figures).toMatchObject({ activities: 9, mergedPullRequests: 3, repositories: 2 })
    expect(JSON.stringify(year)).not.toContain(secrets.privateTitle)
    expect(JSON.stringify(year)).not.toContain('secret-service')

    expect(await must(api.reports.setPrivateRepositories({ repositories: [' Acme/Secret-Service ', 'acme/secret-service', 'other/x'] }))).toEqual(['Acme/Secret-Service', 'other/x'])
    const exact = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin', exclude: { privateRepositories: true } })
    expect(exact.redactions.privateActivities).toBe(2)
  })

  it('gives an empty period a short, honest report', async () => {
    const { api } = await seeded()
    const empty = await model(api, { period: { preset: 'custom', from: '2024-01-01', to: '2024-03-31' }, timeZone: 'Europe/Berlin' })
    expect(empty.empty).toBe(true)
    expect(empty.emptyMessage).toBe('No activity logged between 1 January 2024 and 31 March 2024.')
    expect(empty.figures).toMatchObject({ activities: 0, goalsDone: 0, skillsImproved: 0 })
    const md = await must(api.reports.render({ options: { period: { preset: 'custom', from: '2024-01-01', to: '2024-03-31' } }, format: 'markdown' }))
    expect(md.content).toContain('No activity logged between 1 January 2024 and 31 March 2024.')
    expect(md.content).not.toContain('## ')
    const preview = await must(api.reports.preview({ options: { period: { preset: 'custom', from: '2024-02-29', to: '2024-02-29' } } }))
    expect(preview.summary.emptyMessage).toBe('No activity logged on 29 February 2024.')
    expect(preview.html).toContain('No activity logged on 29 February 2024.')

    // A fresh store: all time is today, and still a report.
    const fresh = await setup('2026-11-25T10:00:00Z')
    const first = await model(fresh.api, { period: { preset: 'all-time' }, timeZone: 'UTC' })
    expect(first).toMatchObject({ empty: true, emptyMessage: 'No activity logged on 25 November 2026.' })
  })

  it('takes its title, wording, sections and exclusions from the template unless told otherwise', async () => {
    const { api } = await seeded()
    const base = { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' } as const
    const personal = await model(api, { ...base, template: 'personal-review' })
    const job = await model(api, { ...base, template: 'job-application' })
    const promotion = await model(api, { ...base, template: 'promotion-case' })
    expect([personal.title, job.title, promotion.title]).toEqual(['Progress review', 'Professional development record', 'Case for promotion'])
    expect(job.intro).toContain('1 January 2026 to 25 November 2026')
    expect(job.sections).toEqual(reportTemplateSpecs['job-application'].sections)
    expect(job.goals).toBeNull()
    expect(job.roadmap).toBeNull()
    // Both templates for another reader lead with outcomes.
    expect(job.sections.slice(0, 2)).toEqual(['summary', 'outcomes'])
    expect(promotion.sections.slice(0, 3)).toEqual(['summary', 'outcomes', 'goals'])
    expect(job.kpis[0]?.key).toBe('mergedPullRequests')
    expect(promotion.kpis[0]?.key).toBe('goalsDone')
    expect(job.redactions.exclude).toEqual({ privateRepositories: true, notes: true, salaryRanges: true })
    expect(personal.redactions.exclude).toEqual({ privateRepositories: false, notes: false, salaryRanges: false })
    expect(personal.roadmap?.tracks[0]?.salary).toMatchObject({ currency: 'USD' })

    const custom = await model(api, { ...base, template: 'job-application', sections: ['heatmap', 'summary'], exclude: { notes: false } })
    expect(custom.sections).toEqual(['heatmap', 'summary'])
    expect(custom.redactions.exclude).toEqual({ privateRepositories: true, notes: false, salaryRanges: true })
    const md = (await must(api.reports.render({ options: { ...base, template: 'job-application', sections: ['heatmap', 'summary'] }, format: 'markdown' }))).content
    expect(md.indexOf('## Contribution activity')).toBeLessThan(md.indexOf('## Summary'))
    expect(md).not.toContain('## Goals')
  })

  it('records exports and compares the next report with the last one', async () => {
    const { api, set } = await seeded()
    const options = { period: { preset: 'custom', from: '2026-01-01', to: '2026-06-30' }, timeZone: 'Europe/Berlin' } as const
    const first = await model(api, options)
    expect(first.comparison).toEqual({ previous: null, rows: expect.any(Array) })
    const rendered = await must(api.reports.render({ options, format: 'markdown', record: true }))
    expect(rendered.exportId).toEqual(expect.any(Number))
    expect(rendered.fileName).toBe('progress-review-2026-01-01-to-2026-06-30.md')

    set('2026-11-26T09:00:00Z')
    const pdf = await must(api.reports.recordExport({ options: { ...options, period: { preset: 'this-year' } }, format: 'pdf' }))
    expect(pdf).toMatchObject({ format: 'pdf', fileName: 'progress-review-2026-01-01-to-2026-11-26.pdf', periodLabel: '2026' })
    const history = await must(api.reports.history({}))
    expect(history.map((h) => [h.format, h.from, h.to])).toEqual([
      ['pdf', '2026-01-01', '2026-11-26'],
      ['markdown', '2026-01-01', '2026-06-30'],
    ])
    expect(history[1]?.figures).toEqual(first.figures)

    // The year's report was just saved as a PDF: saving it as Markdown too compares it with
    // the report before it, not with itself.
    const next = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' })
    expect(next.comparison?.previous).toMatchObject({ format: 'markdown', periodLabel: 'H1 2026' })
    expect(next.comparison?.rows.find((r) => r.key === 'activities')).toMatchObject({ previous: 7, current: 11, change: 4 })
    expect(next.comparison?.rows.find((r) => r.key === 'mergedPullRequests')).toMatchObject({ previous: 5, current: 5, change: 0 })
    const other = await model(api, { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin', template: 'promotion-case' })
    expect(other.comparison?.previous).toMatchObject({ format: 'pdf', periodLabel: '2026' })
    // A preview or a render without `record` keeps no history.
    await must(api.reports.preview({ options }))
    expect(await must(api.reports.history({ limit: 10 }))).toHaveLength(2)
  })

  it('refuses bad options with a message a person can act on', async () => {
    const { api, core } = await setup()
    expect((await refused(api.reports.preview({ options: { period: { preset: 'this-year' }, timeZone: 'Mars/Olympus' } }))).message).toMatch(/time zone like Europe\/Berlin/)
    expect((await refused(api.reports.preview({ options: { period: { preset: 'custom', from: '2026-05-01', to: '2026-04-01' } } }))).message).toMatch(/start date must not be after the end date/)
    const docx = await core.dispatch('reports.render', { options: { period: { preset: 'this-year' } }, format: 'docx' })
    expect(docx.ok === false && docx.error.message).toMatch(/Format must be one of/)
    expect((await refused(api.reports.preview({ options: { period: { preset: 'this-year' }, sections: ['summary', 'summary'] } }))).message).toMatch(/listed twice/)
  })
})
