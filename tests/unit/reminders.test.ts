import { describe, expect, it } from 'vitest'
import { remindersDueAt, reviewWeekFor, type DueThing } from '../../electron/core/reminders/reminderSchedule'
import type { ReminderSettings } from '../../shared/domain/reminders'
import { defaultWeeklyReviewSchedule } from '../../shared/domain/weeklyReview'
import { apiOf, must, refused } from '../support/api'
import { openTempCore } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const { defer, openClocked } = useTempCores()
const zone = { timeZone: 'Europe/Berlin' }
const keys = (reminders: { key: string }[]) => reminders.map((r) => r.key)

const dueOn = (dueDate: string): DueThing => ({ kind: 'milestone', id: 5, goalId: 2, title: 'Design', goalTitle: 'Ship a service', dueDate })
const on: ReminderSettings = { dueDates: true, weeklyReview: { enabled: true, weekday: 5, time: '16:00' } }
const at = (now: string, settings: ReminderSettings = on, things = [dueOn('2027-03-31')]) =>
  keys(remindersDueAt({ now: new Date(now), timeZone: 'Europe/Berlin', settings, dueThings: things, reviewedWeeks: new Set() }))

describe('when reminders are due (the schedule alone)', () => {
  it('gives nothing while both kinds are off, as they are by default', () => {
    expect(at('2027-03-31T10:00:00Z', { dueDates: false, weeklyReview: defaultWeeklyReviewSchedule })).toEqual([])
    expect(defaultWeeklyReviewSchedule.enabled).toBe(false)
  })

  it('reminds the day before from 09:00 and on the day from 09:00, on the wall clock of the zone', () => {
    // 08:59 in Berlin (CEST, UTC+2) the day before: not yet.
    expect(at('2027-03-30T06:59:00Z')).toEqual([])
    expect(at('2027-03-30T07:00:00Z')).toEqual(['milestone:5:2027-03-31:day-before'])
    expect(at('2027-03-30T21:59:00Z')).toEqual(['milestone:5:2027-03-31:day-before'])
    // Just after midnight on the day: the day before is over, the day's own not due until 09:00.
    expect(at('2027-03-30T22:01:00Z')).toEqual([])
    expect(at('2027-03-31T07:00:00Z')).toEqual(['milestone:5:2027-03-31:on-day'])
    // The day after: nothing, the date is past.
    expect(at('2027-04-01T12:00:00Z')).toEqual([])
  })

  it('words a goal and a milestone, and opens the goal', () => {
    const [goal, milestone] = remindersDueAt({
      now: new Date('2027-03-31T09:30:00Z'),
      timeZone: 'UTC',
      settings: on,
      dueThings: [{ kind: 'goal', id: 2, goalId: 2, title: 'Ship a service', goalTitle: 'Ship a service', dueDate: '2027-03-31' }, { ...dueOn('2027-04-01') }],
      reviewedWeeks: new Set(),
    })
    expect(goal).toEqual({ key: 'goal:2:2027-03-31:on-day', title: 'Due today: Ship a service', body: "Your goal's target date is today.", target: { kind: 'goal', goalId: 2 } })
    expect(milestone).toMatchObject({ title: 'Due tomorrow: Design', body: 'A milestone of “Ship a service”, due tomorrow.', target: { kind: 'goal', goalId: 2 } })
  })

  it('asks for the weekly review at its time on its weekday, until that day ends, unless it is written', () => {
    const reviewOnly: ReminderSettings = { dueDates: false, weeklyReview: { enabled: true, weekday: 5, time: '16:00' } }
    // Friday 2027-03-26, 15:59 and 16:00 in Berlin (CET, UTC+1).
    expect(at('2027-03-26T14:59:00Z', reviewOnly)).toEqual([])
    expect(at('2027-03-26T15:00:00Z', reviewOnly)).toEqual(['review:2027-03-26T16:00'])
    expect(at('2027-03-27T08:00:00Z', reviewOnly)).toEqual([])
    const written = remindersDueAt({ now: new Date('2027-03-26T15:00:00Z'), ...zone, settings: reviewOnly, dueThings: [], reviewedWeeks: new Set(['2027-03-22']) })
    expect(written).toEqual([])
  })

  it('keeps wall-clock times across daylight saving: a skipped 02:30 is due at 03:00, a doubled one has one key', () => {
    const night: ReminderSettings = { dueDates: false, weeklyReview: { enabled: true, weekday: 0, time: '02:30' } }
    // Sunday 2027-03-28: Berlin jumps from 02:00 to 03:00 (01:00Z). 01:59 CET is 00:59Z.
    expect(at('2027-03-28T00:59:00Z', night)).toEqual([])
    expect(at('2027-03-28T01:00:00Z', night)).toEqual(['review:2027-03-28T02:30'])
    // Sunday 2027-10-31: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET): the same key both times.
    expect(at('2027-10-31T00:30:00Z', night)).toEqual(['review:2027-10-31T02:30'])
    expect(at('2027-10-31T01:30:00Z', night)).toEqual(['review:2027-10-31T02:30'])
  })

  it('has a Monday review look back on the week just ended, any other day on its own week', () => {
    expect(reviewWeekFor('2027-03-29')).toBe('2027-03-22')
    expect(reviewWeekFor('2027-03-26')).toBe('2027-03-22')
    expect(reviewWeekFor('2027-03-28')).toBe('2027-03-22')
  })
})

describe('reminders through the core, on a real store with a controlled clock', () => {
  async function withMilestone(start: string) {
    const opened = await openClocked(start)
    const goal = await must(opened.api.goals.create({ title: 'Ship a service', startDate: '2027-01-01', targetDate: '2027-06-30', milestones: [{ title: 'Design', dueDate: '2027-03-31' }] }))
    return { ...opened, goal }
  }

  it('hands out nothing until due-date reminders are turned on', async () => {
    const { api } = await withMilestone('2027-03-31T10:00:00Z')
    expect(await must(api.reminders.settings(undefined))).toEqual({ dueDates: false, weeklyReview: { enabled: false, weekday: 5, time: '16:00' } })
    expect(await must(api.reminders.take(zone))).toEqual([])
  })

  it('fires each reminder once, the day before and on the day, whoever asks and however often', async () => {
    const { api, clock, goal } = await withMilestone('2027-03-30T10:00:00Z')
    await must(api.reminders.saveSettings({ dueDates: true }))
    expect(keys(await must(api.reminders.take(zone)))).toEqual(['milestone:' + goal.milestones[0]?.id + ':2027-03-31:day-before'])
    // A second tab, main's timer, a wake from sleep: all ask again; nobody gets it twice.
    expect(await must(api.reminders.take(zone))).toEqual([])
    clock.now = new Date('2027-03-30T20:00:00Z')
    expect(await must(api.reminders.take(zone))).toEqual([])
    clock.now = new Date('2027-03-31T07:30:00Z')
    expect(keys(await must(api.reminders.take(zone)))).toEqual([`milestone:${goal.milestones[0]?.id}:2027-03-31:on-day`])
    expect(await must(api.reminders.take(zone))).toEqual([])
  })

  it('remembers across a restart what it handed out, and lists it for a banner until dismissed', async () => {
    let now = new Date('2027-03-31T10:00:00Z')
    const first = await openTempCore({ now: () => now })
    const dataDir = first.dataDir
    const api = apiOf(first)
    const goal = await must(api.goals.create({ title: 'Ship a service', startDate: '2027-01-01', milestones: [{ title: 'Design', dueDate: '2027-03-31' }] }))
    await must(api.reminders.saveSettings({ dueDates: true }))
    const [fired] = await must(api.reminders.take(zone))
    expect(fired?.target).toEqual({ kind: 'goal', goalId: goal.id })
    first.close()

    now = new Date('2027-03-31T11:00:00Z')
    const again = await openTempCore({ dataDir, now: () => now })
    defer(again.dispose)
    const after = apiOf(again)
    expect(await must(after.reminders.take(zone))).toEqual([])
    expect(await must(after.reminders.open(zone))).toEqual([fired])
    expect(await must(after.reminders.dismiss({ keys: [fired?.key ?? ''] }))).toEqual({ dismissed: 1 })
    expect(await must(after.reminders.open(zone))).toEqual([])
  })

  it('drops from the banner a reminder whose milestone was done meanwhile', async () => {
    const { api, goal } = await withMilestone('2027-03-31T10:00:00Z')
    await must(api.reminders.saveSettings({ dueDates: true }))
    expect(await must(api.reminders.take(zone))).toHaveLength(1)
    await must(api.goals.toggleMilestone({ milestoneId: goal.milestones[0]?.id ?? 0 }))
    expect(await must(api.reminders.open(zone))).toEqual([])
  })

  it('reminds again when a due date moves, since the new date is a new reminder', async () => {
    const { api, goal } = await withMilestone('2027-03-31T10:00:00Z')
    await must(api.reminders.saveSettings({ dueDates: true }))
    expect(await must(api.reminders.take(zone))).toHaveLength(1)
    await must(api.goals.updateMilestone({ milestoneId: goal.milestones[0]?.id ?? 0, dueDate: '2027-04-01' }))
    expect(keys(await must(api.reminders.take(zone)))).toEqual([`milestone:${goal.milestones[0]?.id}:2027-04-01:day-before`])
  })

  it('asks for the weekly review once, and not once it is written', async () => {
    const { api, clock } = await openClocked('2027-03-26T15:30:00Z')
    await must(api.reminders.saveSettings({ weeklyReview: { enabled: true, weekday: 5, time: '16:00' } }))
    const [review] = await must(api.reminders.take(zone))
    expect(review).toMatchObject({ key: 'review:2027-03-26T16:00', target: { kind: 'review', weekStart: '2027-03-22' } })
    expect(await must(api.reminders.open(zone))).toHaveLength(1)
    await must(api.reviews.save({ weekStart: '2027-03-22', shipped: 'x', learned: '', next: '' }))
    expect(await must(api.reminders.open(zone))).toEqual([])
    // The next Friday, written early: no reminder.
    await must(api.reviews.save({ weekStart: '2027-03-29', shipped: 'early', learned: '', next: '' }))
    clock.now = new Date('2027-04-02T15:00:00Z')
    expect(await must(api.reminders.take(zone))).toEqual([])
  })

  it('refuses a bad schedule or zone in words and changes nothing', async () => {
    const { api, core } = await openClocked()
    const late = await refused(api.reminders.saveSettings({ weeklyReview: { enabled: true, weekday: 5, time: '25:00' } }))
    expect(late.issues).toEqual([{ path: 'weeklyReview.time', message: 'Choose a time like 16:00' }])
    // Past the type the renderer is held to: what a hostile page could still send.
    const day = await refused(core.dispatch('reminders.saveSettings', { weeklyReview: { enabled: true, weekday: 7, time: '16:00' } }))
    expect(day.issues?.[0]?.message).toBe('Choose a day of the week')
    expect((await refused(api.reminders.take({ timeZone: 'Mars/Olympus' }))).issues?.[0]?.message).toBe('Use a time zone like Europe/Berlin or America/New_York')
    expect((await refused(api.reminders.dismiss({ keys: ['goal:1; DROP TABLE goal'] }))).issues?.[0]?.message).toBe('That is not a reminder')
    expect(await must(api.reminders.settings(undefined))).toMatchObject({ weeklyReview: { enabled: false } })
  })
})
