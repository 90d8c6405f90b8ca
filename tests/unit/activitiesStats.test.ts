import { describe, expect, it } from 'vitest'
import type { Api } from '@shared/contract'
import { dayStreaks, weekStreaks } from '../../electron/core/activities/streaks'
import { ok, openActivitiesCore } from '../support/activitySupport'
import { useTempCores } from '../support/useTempCores'

const { defer } = useTempCores()

// A Wednesday.
const today = '2027-06-30'
async function open() {
  const opened = await openActivitiesCore(() => new Date(`${today}T15:00:00`))
  defer(opened.core.dispose)
  return opened
}

const log = (api: Api, date: string, extra: Partial<Parameters<Api['activities']['create']>[0]> = {}) =>
  ok(api.activities.create({ kind: 'learning', date, title: `Work on ${date}`, ...extra }))

describe('streaks', () => {
  it('are zero with nothing logged', () => {
    expect(dayStreaks([], today)).toEqual({ current: { length: 0, from: null, to: null }, longest: { length: 0, from: null, to: null } })
    expect(weekStreaks([], today).longest.length).toBe(0)
  })

  it('count a single day as a streak of one, current today or yesterday, broken after', () => {
    expect(dayStreaks([today], today).current).toEqual({ length: 1, from: today, to: today })
    expect(dayStreaks(['2027-06-29'], today).current.length).toBe(1)
    expect(dayStreaks(['2027-06-28'], today)).toEqual({
      current: { length: 0, from: null, to: null },
      longest: { length: 1, from: '2027-06-28', to: '2027-06-28' },
    })
  })

  it('break at a gap and keep the longest run', () => {
    const days = ['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-06', '2027-06-29', '2027-06-30']
    expect(dayStreaks(days, today)).toEqual({
      current: { length: 2, from: '2027-06-29', to: '2027-06-30' },
      longest: { length: 4, from: '2027-05-01', to: '2027-05-04' },
    })
  })

  it('run across month, year and daylight-saving changes', () => {
    const days = ['2026-12-30', '2026-12-31', '2027-01-01', '2027-03-27', '2027-03-28', '2027-03-29', '2027-03-30']
    expect(dayStreaks(days, '2027-04-10').longest).toEqual({ length: 4, from: '2027-03-27', to: '2027-03-30' })
  })

  it('count weeks from Monday, one active day is enough, and the current run survives an empty week so far', () => {
    // Weeks of 2027-06-07, 06-14 and 06-21 (Mon), then nothing yet this week.
    const days = ['2027-06-13', '2027-06-14', '2027-06-20', '2027-06-21']
    // 06-13 is a Sunday: it belongs to the week of 06-07.
    expect(weekStreaks(days, today)).toEqual({
      current: { length: 3, from: '2027-06-13', to: '2027-06-21' },
      longest: { length: 3, from: '2027-06-13', to: '2027-06-21' },
    })
    expect(weekStreaks(['2027-06-14'], today).current.length).toBe(0)
    expect(weekStreaks(['2027-05-03', '2027-05-17'], today).longest.length).toBe(1)
  })
})

describe('activities.stats', () => {
  it('is all zeros for a new user, with a full year of days', async () => {
    const { api } = await open()
    const stats = await ok(api.activities.stats(undefined))
    expect(stats.today).toBe(today)
    expect(stats.heatmap.from).toBe('2026-07-01')
    expect(stats.heatmap.days).toHaveLength(365)
    expect(stats.heatmap.days.at(-1)).toEqual({ date: today, count: 0 })
    expect(stats.heatmap).toMatchObject({ max: 0, total: 0 })
    expect(stats.months.map((m) => m.month)).toEqual([
      '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06',
    ])
    expect(stats.streaks.currentDays.length).toBe(0)
    expect(stats.topRepositories).toEqual([])
    expect(stats.strategies.map((s) => s.sentence)).toContain('Engage in Open Source Projects: nothing logged yet this year')
  })

  it('fills the heatmap, months, streaks and top repositories from the log', async () => {
    const { api } = await open()
    await log(api, '2027-06-29')
    await log(api, today)
    await log(api, today, { kind: 'pull-request', repo: 'expressjs/express', state: 'merged' })
    await log(api, '2027-01-10', { kind: 'pull-request', repo: 'nodejs/node', state: 'merged' })
    await log(api, '2027-01-11', { kind: 'code-review', repo: 'nodejs/node' })
    await log(api, '2025-01-01')
    await log(api, '2027-12-01', { kind: 'talk', title: 'Planned talk' })
    const removed = await log(api, '2027-06-28')
    await ok(api.activities.remove({ id: removed.id }))

    const stats = await ok(api.activities.stats(undefined))
    expect(stats.heatmap.days.filter((d) => d.count > 0)).toEqual([
      { date: '2027-01-10', count: 1 },
      { date: '2027-01-11', count: 1 },
      { date: '2027-06-29', count: 1 },
      { date: today, count: 2 },
    ])
    expect(stats.heatmap).toMatchObject({ max: 2, total: 5 })
    expect(stats.months.find((m) => m.month === '2027-01')?.count).toBe(2)
    expect(stats.months.find((m) => m.month === '2027-06')?.count).toBe(3)
    expect(stats.streaks.currentDays).toEqual({ length: 2, from: '2027-06-29', to: today })
    expect(stats.streaks.longestDays.length).toBe(2)
    expect(stats.topRepositories).toEqual([
      { repo: 'nodejs/node', count: 2, lastDate: '2027-01-11' },
      { repo: 'expressjs/express', count: 1, lastDate: today },
    ])
  })

  it("sums each strategy's kinds this year into a sentence", async () => {
    const { api } = await open()
    for (let i = 1; i <= 3; i++) await log(api, `2027-02-0${i}`, { kind: 'pull-request', repo: `org/repo${i % 2}`, state: 'merged' })
    await log(api, '2027-02-05', { kind: 'pull-request', repo: 'org/other', state: 'open' })
    await log(api, '2027-02-06', { kind: 'code-review', repo: 'org/repo0' })
    await log(api, '2026-11-01', { kind: 'pull-request', repo: 'old/year', state: 'merged' })
    await log(api, '2027-03-01', { kind: 'blog-post', title: 'One post' })
    const stats = await ok(api.activities.stats(undefined))
    const byId = new Map(stats.strategies.map((s) => [s.strategyId, s]))
    expect(byId.get('strategy.open-source')).toMatchObject({
      total: 5,
      mergedPullRequests: 3,
      repositories: 3,
      sentence: 'Engage in Open Source Projects: 3 merged PRs and 1 code review in 3 repositories this year',
    })
    expect(byId.get('strategy.technical-blogs')?.sentence).toBe('Write Technical Blogs: 1 blog post this year')
    expect(byId.get('strategy.meetups')?.total).toBe(0)
  })
})
