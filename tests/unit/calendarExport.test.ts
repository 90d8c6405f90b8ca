import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCalendar } from '../../electron/core/calendar/buildCalendar'
import { apiOf, must, refused } from '../support/api'
import { openClockedCore } from '../support/reportSeed'

type Clocked = Awaited<ReturnType<typeof openClockedCore>>

interface ParsedEvent {
  uid: string
  summary: string
  description: string | null
  status: string | null
  sequence: number
  lastModified: string | null
  start: ICAL.Time
  end: ICAL.Time
  recurring: boolean
  component: ICAL.Component
}

/** The file as an independent parser (ical.js) reads it. */
function parseIcs(text: string): { name: unknown; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component)
    const status = component.getFirstPropertyValue('status')
    const modified = component.getFirstPropertyValue('last-modified')
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description || null,
      status: typeof status === 'string' ? status : null,
      sequence: event.sequence,
      lastModified: modified instanceof ICAL.Time ? modified.toString() : null,
      start: event.startDate,
      end: event.endDate,
      recurring: event.isRecurring(),
      component,
    }
  })
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), events }
}

const hostileTitle = 'Ship it; now, really \\ "quoted" <b>bold</b>'
const hostileDescription = 'line one\nEND:VEVENT\nBEGIN:VEVENT\nUID:evil@x\nSUMMARY:injected'

let clocked: Clocked
let api: ReturnType<typeof apiOf>
let ids: { shipping: number; dropped: number; archived: number; undated: number; milestones: number[] }

async function exportIcs(): Promise<string> {
  const done = await must(api.calendar.export({ timeZone: 'Europe/Berlin', delivery: 'download' }))
  expect(done).toMatchObject({ fileName: 'pathfinder-goals.ics', mimeType: 'text/calendar; charset=utf-8', cancelled: false, savedTo: null })
  if (!done.download) throw new Error('A download delivery came back without its file')
  return done.download.content
}

const byUid = (events: readonly ParsedEvent[]) => new Map(events.map((e) => [e.uid, e]))

beforeAll(async () => {
  clocked = await openClockedCore('2026-11-01T09:00:00Z')
  api = apiOf(clocked.core)
  const shipping = await must(
    api.goals.create({
      title: hostileTitle,
      description: hostileDescription,
      startDate: '2026-11-01',
      targetDate: '2027-03-31',
      milestones: [
        { title: 'Design review', dueDate: '2026-12-15' },
        { title: 'Beta', dueDate: '2027-02-01' },
        { title: 'No date yet', dueDate: null },
      ],
    }),
  )
  const dropped = await must(api.goals.create({ title: 'Learn Kotlin', startDate: '2026-11-01', targetDate: '2027-06-30', milestones: [{ title: 'Koans', dueDate: '2027-01-10' }] }))
  const archived = await must(api.goals.create({ title: 'Old plan', startDate: '2026-11-01', targetDate: '2026-12-31' }))
  const undated = await must(api.goals.create({ title: 'Someday', startDate: '2026-11-01' }))
  clocked.set('2026-11-02T09:00:00Z')
  await must(api.goals.update({ goalId: dropped.id, status: 'dropped' }))
  await must(api.goals.archive({ goalId: archived.id }))
  ids = { shipping: shipping.id, dropped: dropped.id, archived: archived.id, undated: undated.id, milestones: [...shipping.milestones, ...dropped.milestones].map((m) => m.id) }
  clocked.set('2026-12-02T10:00:00Z')
})
afterAll(() => clocked.core.dispose())

describe('iCalendar export', () => {
  it('parses with ical.js: one all-day event per dated goal and milestone, text kept as data', async () => {
    const { name, events } = parseIcs(await exportIcs())
    expect(name).toBe('Pathfinder: goals and milestones')
    // 3 dated goals (the undated one has nothing to show) and 3 dated milestones; the injected lines are text.
    expect(events).toHaveLength(6)
    for (const e of events) {
      expect(e.start.isDate, `${e.summary} is all-day`).toBe(true)
      expect(e.end.isDate).toBe(true)
      expect(e.end.toJSDate().getTime() - e.start.toJSDate().getTime()).toBe(24 * 3600 * 1000)
      expect(e.uid).toMatch(/^(goal|milestone)-\d+@[0-9a-f]{12}\.pathfinder\.local$/)
    }
    const goal = events.find((e) => e.uid.startsWith(`goal-${ids.shipping}@`))
    expect(goal?.summary).toBe(`Goal due: ${hostileTitle}`)
    expect(goal?.description).toBe(`Goal in Pathfinder. Status: Active.\n\n${hostileDescription}`)
    expect(goal?.start.toString()).toBe('2027-03-31')
    expect(events.some((e) => e.uid === 'evil@x')).toBe(false)
    const milestone = events.find((e) => e.summary === 'Milestone: Design review')
    expect(milestone?.start.toString()).toBe('2026-12-15')
    expect(milestone?.description).toBe(`Milestone of the goal “${hostileTitle}” in Pathfinder.`)
  })

  it('keeps every UID, SEQUENCE and LAST-MODIFIED from one export to the next', async () => {
    const first = parseIcs(await exportIcs()).events
    clocked.set('2026-12-03T10:00:00Z')
    const second = parseIcs(await exportIcs()).events
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid))
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length)
    expect(second.map((e) => [e.uid, e.sequence, e.lastModified])).toEqual(first.map((e) => [e.uid, e.sequence, e.lastModified]))
  })

  it('bumps SEQUENCE of what an edit changed, and leaves other goals alone', async () => {
    const before = byUid(parseIcs(await exportIcs()).events)
    clocked.set('2026-12-04T10:00:00Z')
    const [design] = ids.milestones
    if (design === undefined) throw new Error('The seed has milestones')
    await must(api.goals.updateMilestone({ milestoneId: design, dueDate: '2026-12-18' }))
    const after = byUid(parseIcs(await exportIcs()).events)
    const uid = [...after.keys()].find((u) => u.startsWith(`milestone-${design}@`)) ?? ''
    expect(after.get(uid)?.sequence).toBeGreaterThan(before.get(uid)?.sequence ?? Infinity)
    expect(after.get(uid)?.start.toString()).toBe('2026-12-18')
    expect(after.get(uid)?.lastModified).toBe('2026-12-04T10:00:00Z')
    // Editing a milestone stamps its goal as changed too; other goals' events keep their SEQUENCE.
    const otherGoals = [...after.values()].filter((e) => !e.summary.includes(hostileTitle) && !e.description?.includes(hostileTitle))
    expect(otherGoals).toHaveLength(3)
    for (const e of otherGoals) expect(e.sequence, e.summary).toBe(before.get(e.uid)?.sequence)

    // A goal's edit shows in its milestones' events (their description names it): they move on too.
    clocked.set('2026-12-05T10:00:00Z')
    await must(api.goals.update({ goalId: ids.shipping, title: 'Ship the billing service' }))
    const renamed = byUid(parseIcs(await exportIcs()).events)
    for (const e of renamed.values()) {
      const touched = e.uid.startsWith(`goal-${ids.shipping}@`) || e.description?.includes('Ship the billing service')
      if (touched) expect(e.sequence, e.summary).toBeGreaterThan(after.get(e.uid)?.sequence ?? Infinity)
      else expect(e.sequence, e.summary).toBe(after.get(e.uid)?.sequence)
    }
  })

  it('cancels dropped and archived goals and their milestones, so a calendar takes them off', async () => {
    const events = parseIcs(await exportIcs()).events
    const status = (prefix: string) => events.find((e) => e.uid.startsWith(prefix))?.status
    expect(status(`goal-${ids.dropped}@`)).toBe('CANCELLED')
    expect(status(`milestone-${ids.milestones[3]}@`)).toBe('CANCELLED')
    expect(status(`goal-${ids.archived}@`)).toBe('CANCELLED')
    expect(status(`goal-${ids.shipping}@`)).toBe('CONFIRMED')
    expect(events.filter((e) => e.status === 'CANCELLED')).toHaveLength(3)
  })

  it('gives two data folders different UIDs for the same goal', async () => {
    const other = await openClockedCore('2026-11-01T09:00:00Z')
    try {
      const otherApi = apiOf(other.core)
      const mine = await must(otherApi.goals.create({ title: 'Same id', startDate: '2026-11-01', targetDate: '2027-01-31' }))
      expect(mine.id).toBe(ids.shipping)
      const done = await must(otherApi.calendar.export({ delivery: 'download' }))
      const theirs = parseIcs(done.download?.content ?? '').events.map((e) => e.uid)
      const ours = parseIcs(await exportIcs()).events.map((e) => e.uid)
      expect(theirs).toHaveLength(1)
      expect(ours).not.toContain(theirs[0])
      expect(theirs[0]?.split('@')[0]).toBe(`goal-${ids.shipping}`)
    } finally {
      other.core.dispose()
    }
  })

  it('keeps its UIDs through an export of everything imported into another folder', async () => {
    const uids = parseIcs(await exportIcs()).events.map((e) => e.uid)
    const moved = await openClockedCore('2026-12-06T09:00:00Z')
    try {
      const movedApi = apiOf(moved.core)
      const everything = await must(api.data.exportAll({}))
      await must(movedApi.data.importAll({ json: everything.json }))
      const done = await must(movedApi.calendar.export({ delivery: 'download' }))
      expect(parseIcs(done.download?.content ?? '').events.map((e) => e.uid)).toEqual(uids)
    } finally {
      moved.core.dispose()
    }
  })

  it('holds the weekly review once the person turns it on in Settings, and drops it when turned off', async () => {
    const reviews = async () => parseIcs(await exportIcs()).events.filter((e) => e.uid.startsWith('weekly-review@'))
    expect(await reviews()).toEqual([])
    await must(api.reminders.saveSettings({ weeklyReview: { enabled: true, weekday: 5, time: '16:30' } }))
    const [review] = await reviews()
    expect(review?.recurring).toBe(true)
    expect(String(review?.component.getFirstPropertyValue('rrule'))).toContain('FREQ=WEEKLY')
    expect(review?.start.toString()).toMatch(/T16:30:00$/)
    expect(review?.start.toJSDate().getDay()).toBe(5)
    await must(api.reminders.saveSettings({ weeklyReview: { enabled: false, weekday: 5, time: '16:30' } }))
    expect(await reviews()).toEqual([])
  })

  it('refuses a save dialog the window does not have, storing nothing', async () => {
    const fresh = await openClockedCore('2026-11-01T09:00:00Z')
    try {
      const freshApi = apiOf(fresh.core)
      const settings = () => fresh.core.db.prepare('SELECT key, value FROM setting ORDER BY key').all()
      const before = settings()
      expect(await refused(freshApi.calendar.export({ delivery: 'save-dialog' }))).toMatchObject({ code: 'unavailable' })
      expect(settings()).toEqual(before)
    } finally {
      fresh.core.dispose()
    }
  })
})

describe('the weekly review in the calendar', () => {
  const empty = { goals: [], milestones: [] }
  const now = new Date('2026-12-02T10:00:00Z')

  it('is a weekly event on its weekday and local time, from the next one on', () => {
    // 2026-12-02 is a Wednesday; weekday 1 is Monday.
    const text = buildCalendar({ sources: empty, folderId: 'a1b2c3d4e5f6', weeklyReview: { weekday: 1, time: '17:30' }, today: '2026-12-02', now })
    const [review] = parseIcs(text).events
    expect(review?.uid).toBe('weekly-review@a1b2c3d4e5f6.pathfinder.local')
    expect(review?.recurring).toBe(true)
    expect(review?.start.isDate).toBe(false)
    // Floating: 17:30 wherever the person is.
    expect(review?.start.zone?.tzid).toBe('floating')
    expect(review?.start.toString()).toBe('2026-12-07T17:30:00')
    expect(review?.end.toString()).toBe('2026-12-07T18:00:00')
    const event = new ICAL.Event(review?.component)
    const next = event.iterator()
    const dates = [next.next(), next.next(), next.next()].map((t) => t?.toString())
    expect(dates).toEqual(['2026-12-07T17:30:00', '2026-12-14T17:30:00', '2026-12-21T17:30:00'])
  })

  it('falls on today when today is the day, and follows a stored change time', () => {
    const text = buildCalendar({ sources: empty, folderId: 'a1b2c3d4e5f6', weeklyReview: { weekday: 3, time: '09:05', updatedAt: '2026-11-30T08:00:00.000Z' }, today: '2026-12-02', now })
    const [review] = parseIcs(text).events
    expect(review?.start.toString()).toBe('2026-12-02T09:05:00')
    expect(review?.lastModified).toBe('2026-11-30T08:00:00Z')
    const later = buildCalendar({ sources: empty, folderId: 'a1b2c3d4e5f6', weeklyReview: { weekday: 3, time: '09:05', updatedAt: '2026-12-01T08:00:00.000Z' }, today: '2026-12-02', now })
    expect(parseIcs(later).events[0]?.sequence).toBeGreaterThan(review?.sequence ?? Infinity)
  })

  it('is left out when the review is off', () => {
    expect(parseIcs(buildCalendar({ sources: empty, folderId: 'a1b2c3d4e5f6', weeklyReview: null, today: '2026-12-02', now })).events).toEqual([])
  })
})

describe('calendar text', () => {
  const now = new Date('2026-12-02T10:00:00Z')

  it('drops control characters iCalendar text may not hold, keeping the rest', () => {
    const goal = { id: 9, title: 'Bell\u0007 and\u001b escape', description: 'tab\tkept\r\nline kept\u000b', status: 'active' as const, targetDate: '2027-01-31', updatedAt: '2026-12-01T00:00:00.000Z', archivedAt: null }
    const text = buildCalendar({ sources: { goals: [goal], milestones: [] }, folderId: 'a1b2c3d4e5f6', weeklyReview: null, today: '2026-12-02', now })
    const controls = [...text].filter((c) => (c.charCodeAt(0) < 32 && !'\t\r\n'.includes(c)) || c.charCodeAt(0) === 127)
    expect(controls).toEqual([])
    const [event] = parseIcs(text).events
    expect(event?.summary).toBe('Goal due: Bell and escape')
    expect(event?.description).toBe('Goal in Pathfinder. Status: Active.\n\ntab\tkept\nline kept')
  })
})
