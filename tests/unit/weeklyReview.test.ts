import { describe, expect, it } from 'vitest'
import { listWeeklyReviews } from '../../electron/core/weeklyReview/listWeeklyReviews'
import { readWeeklyReviewSchedule } from '../../electron/core/weeklyReview/readWeeklyReviewSchedule'
import { createSettingsRepository } from '../../electron/core/settings/settingsRepository'
import { isoWeekLabel, weekStartOf } from '../../shared/domain/weeklyReview'
import { must, refused } from '../support/api'
import { useTempCores } from '../support/useTempCores'

const { openClocked } = useTempCores()

describe('the weekly review', () => {
  it('opens on the week with its logged work and plan changes, pre-filled', async () => {
    // Wednesday 2026-12-02, noon UTC (the machine's zone in tests).
    const { api, clock } = await openClocked('2026-11-30T09:00:00Z')
    await must(api.activities.create({ kind: 'pull-request', date: '2026-11-30', title: 'Fix the router', repo: 'o/r', impact: 'p95 from 800 to 120 ms' }))
    await must(api.activities.create({ kind: 'talk', date: '2026-12-02', title: 'Streams talk' }))
    await must(api.activities.create({ kind: 'learning', date: '2026-11-29', title: 'Last Sunday, another week' }))
    await must(api.roadmap.setLevel({ itemId: 'skill.algorithms', level: 3 }))
    await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'in-progress' }))
    const goal = await must(api.goals.create({ title: 'Ship a service', startDate: '2026-11-01', milestones: [{ title: 'Design' }] }))
    clock.now = new Date('2026-12-01T10:00:00Z')
    await must(api.goals.toggleMilestone({ milestoneId: goal.milestones[0]?.id ?? 0 }))
    clock.now = new Date('2026-12-01T11:00:00Z')
    await must(api.goals.update({ goalId: goal.id, status: 'done' }))
    clock.now = new Date('2026-12-02T12:00:00Z')

    const draft = await must(api.reviews.draft({}))
    expect(draft).toMatchObject({ weekStart: '2026-11-30', weekEnd: '2026-12-06', isoWeek: '2026-W49', entry: null })
    expect(draft.activities.map((a) => a.title)).toEqual(['Fix the router', 'Streams talk'])
    expect(draft.changes.map((c) => c.text)).toEqual(['Algorithms: level no level → 3', 'Algorithms: not started → in progress', 'Milestone done: Design (Ship a service)', 'Goal done: Ship a service'])
    expect(draft.suggested.shipped).toBe('- Fix the router — p95 from 800 to 120 ms\n- Streams talk\n- Milestone done: Design (Ship a service)\n- Goal done: Ship a service')
    expect(draft.suggested.learned).toBe('- Algorithms: level no level → 3\n- Algorithms: not started → in progress')
    // Another date of the same week opens the same week; one of last week opens that one.
    expect(await must(api.reviews.draft({ date: '2026-12-06' }))).toMatchObject({ weekStart: '2026-11-30' })
    expect((await must(api.reviews.draft({ date: '2026-11-29' }))).activities.map((a) => a.title)).toEqual(['Last Sunday, another week'])
  })

  it('keeps one entry per week: saving the same week again updates it', async () => {
    const { api, clock } = await openClocked('2026-12-04T16:00:00Z')
    const first = await must(api.reviews.save({ weekStart: '2026-11-30', shipped: 'The router fix', learned: 'Flame graphs', next: 'Streams' }))
    expect(first).toMatchObject({ weekStart: '2026-11-30', weekEnd: '2026-12-06', isoWeek: '2026-W49', createdAt: '2026-12-04T16:00:00.000Z' })
    clock.now = new Date('2026-12-05T09:00:00Z')
    const again = await must(api.reviews.save({ weekStart: '2026-11-30', shipped: 'The router fix, merged', learned: 'Flame graphs', next: 'Streams' }))
    expect(again).toMatchObject({ shipped: 'The router fix, merged', createdAt: '2026-12-04T16:00:00.000Z', updatedAt: '2026-12-05T09:00:00.000Z' })
    await must(api.reviews.save({ weekStart: '2026-11-23', shipped: 'Older', learned: '', next: '' }))
    expect((await must(api.reviews.list(undefined))).map((r) => [r.weekStart, r.shipped])).toEqual([
      ['2026-11-30', 'The router fix, merged'],
      ['2026-11-23', 'Older'],
    ])
    expect(await must(api.reviews.draft({ date: '2026-12-03' }))).toMatchObject({ entry: { shipped: 'The router fix, merged' } })
  })

  it('refuses a week that does not start on a Monday, in words, and saves nothing', async () => {
    const { api } = await openClocked()
    const refusal = await refused(api.reviews.save({ weekStart: '2026-12-02', shipped: 'x', learned: '', next: '' }))
    expect(refusal.issues).toEqual([{ path: 'weekStart', message: 'A week starts on a Monday' }])
    expect(await must(api.reviews.list(undefined))).toEqual([])
  })

  it('gives reports the reviews of the weeks a period overlaps, oldest first', async () => {
    const { api, core } = await openClocked('2026-12-04T16:00:00Z')
    for (const weekStart of ['2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07']) await must(api.reviews.save({ weekStart, shipped: weekStart, learned: '', next: '' }))
    // 2026-11-29 is the Sunday of the 23rd's week; 2026-12-01 the Tuesday of the 30th's.
    expect(listWeeklyReviews(core, '2026-11-29', '2026-12-01').map((r) => r.weekStart)).toEqual(['2026-11-23', '2026-11-30'])
    expect(listWeeklyReviews(core, '2027-01-01', '2027-12-31')).toEqual([])
  })

  it('exposes its schedule, off by default, as the person set it', async () => {
    const { api, core } = await openClocked()
    const settings = createSettingsRepository(core.db)
    expect(readWeeklyReviewSchedule({ settings })).toEqual({ enabled: false, weekday: 5, time: '16:00' })
    await must(api.reminders.saveSettings({ weeklyReview: { enabled: true, weekday: 0, time: '18:30' } }))
    expect(readWeeklyReviewSchedule({ settings })).toEqual({ enabled: true, weekday: 0, time: '18:30' })
    // A hand-edited value this version cannot read is "off", never an error.
    settings.set('reminders.settings', { weeklyReview: { enabled: 'yes' } })
    expect(readWeeklyReviewSchedule({ settings })).toEqual({ enabled: false, weekday: 5, time: '16:00' })
  })

  it('names weeks the ISO way, across a year end', () => {
    expect(weekStartOf('2027-01-03')).toBe('2026-12-28')
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53')
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01')
  })
})
