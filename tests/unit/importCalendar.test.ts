import { format } from 'date-fns'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../electron/core/store/backupFiles'
import { apiOf, must as ok, refused } from '../support/api'
import { sourceFixture, sourceFixturePath, startSourcesServer } from '../support/sourcesServer'
import { snapshotStore } from '../support/storeSnapshot'
import { openTempCore } from '../support/tempCore'

const now = new Date('2026-06-30T12:00:00Z')
const local = (iso: string) => format(new Date(iso), 'yyyy-MM-dd')

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

async function setup() {
  const core = await openTempCore({ now: () => now })
  cleanups.push(() => core.dispose())
  return { core, api: apiOf(core) }
}

const file = { path: sourceFixturePath('calendar/meetups.ics') }

describe('imports.calendarPreview and calendarCommit', () => {
  it('lists every event, each occurrence of a repeating one, with a guess, and changes nothing', async () => {
    const { core, api } = await setup()
    const before = snapshotStore(core.db)
    const preview = await ok(api.imports.calendarPreview({ file }))
    expect(snapshotStore(core.db)).toBe(before)
    expect(preview.calendarName).toBe('Conferences and meetups')
    expect(preview.notes).toEqual([])
    expect(preview.events.map((e) => [e.date, e.title, e.allDay, e.recurring, e.suggested])).toEqual([
      [local('2026-06-09T18:00:00Z'), 'Java User Group monthly', false, true, 'meetup'],
      [local('2026-05-12T18:00:00Z'), 'Java User Group monthly', false, true, 'meetup'],
      // The occurrence moved by its own VEVENT (RECURRENCE-ID), with its new title.
      [local('2026-04-16T18:00:00Z'), 'Java User Group monthly (moved to Thursday)', false, true, 'meetup'],
      // March's occurrence is an EXDATE: not there. A time in a named zone keeps its own day.
      ['2026-03-05', 'Node.js Berlin Meetup: streams in depth', false, false, 'meetup'],
      [local('2026-02-10T08:30:00Z'), 'Dentist', false, false, null],
      [local('2026-02-10T18:00:00Z'), 'Java User Group monthly', false, true, 'meetup'],
      [local('2026-02-04T13:00:00Z'), 'My talk: Virtual threads in production', false, false, 'talk'],
      [local('2026-01-13T18:00:00Z'), 'Java User Group monthly', false, true, 'meetup'],
      // All day, as written.
      ['2025-10-06', 'Devoxx Belgium conference', true, false, 'meetup'],
    ])
    // The cancelled meetup is not offered.
    expect(preview.events.some((e) => e.title.includes('cancelled'))).toBe(false)
    expect(new Set(preview.events.map((e) => e.key)).size).toBe(preview.events.length)
  })

  it('imports the chosen events as the meetups and talks the person said, once', async () => {
    const { core, api } = await setup()
    const preview = await ok(api.imports.calendarPreview({ file }))
    const pick = (title: string) => preview.events.find((e) => e.title === title)?.key ?? ''
    const choices = [
      { key: pick('Node.js Berlin Meetup: streams in depth'), kind: 'meetup' as const },
      { key: pick('My talk: Virtual threads in production'), kind: 'talk' as const },
      { key: pick('Devoxx Belgium conference'), kind: 'talk' as const },
    ]
    expect(await ok(api.imports.calendarCommit({ file, choices }))).toEqual({ added: 3, updated: 0, skipped: 0, errors: [] })
    const rows = (await ok(api.activities.list({ sort: 'date-asc' }))).rows
    expect(rows.map((r) => [r.kind, r.date, r.title, r.hours, r.url, r.source])).toEqual([
      ['talk', '2025-10-06', 'Devoxx Belgium conference', null, null, 'calendar'],
      ['talk', local('2026-02-04T13:00:00Z'), 'My talk: Virtual threads in production', 0.75, null, 'calendar'],
      ['meetup', '2026-03-05', 'Node.js Berlin Meetup: streams in depth', 2.5, 'https://www.meetup.com/nodejs-berlin/events/300000001/', 'calendar'],
    ])
    expect(rows[2]?.notes).toBe('At Factory Berlin, Rheinsberger Str. 76.\nTalks on streams and backpressure.\nDoors open at 18:30.')
    expect(listBackups(core.dataDir).some((b) => b.reason === 'before-import')).toBe(true)
    // The preview now knows them; choosing them again adds nothing.
    const again = await ok(api.imports.calendarPreview({ file }))
    expect(again.events.filter((e) => e.inLog).map((e) => e.title).sort()).toEqual(['Devoxx Belgium conference', 'My talk: Virtual threads in production', 'Node.js Berlin Meetup: streams in depth'])
    const before = snapshotStore(core.db)
    expect(await ok(api.imports.calendarCommit({ file, choices }))).toEqual({ added: 0, updated: 0, skipped: 3, errors: [] })
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('says which chosen events are gone from the calendar since the preview', async () => {
    const { api } = await setup()
    const summary = await ok(api.imports.calendarCommit({ file, choices: [{ key: 'calendar:no-such-event@example.com', kind: 'meetup' }] }))
    expect(summary).toEqual({ added: 0, updated: 0, skipped: 0, errors: [{ message: 'One chosen event is no longer in the calendar and was left out.' }] })
  })

  it('reads an .ics from its address', async () => {
    const { api } = await setup()
    const server = await startSourcesServer(() => ({ headers: { 'content-type': 'text/calendar' }, fixture: 'calendar/meetups.ics' }))
    cleanups.push(() => server.close())
    expect((await ok(api.imports.calendarPreview({ url: `${server.url}/basic.ics` }))).events).toHaveLength(9)
    expect(server.requests[0]?.headers.accept).toBe('text/calendar')
  })

  it('keeps hostile text as text, drops javascript: links, and says what it could not show', async () => {
    const { api } = await setup()
    const hostile = { path: sourceFixturePath('calendar/hostile.ics') }
    const preview = await ok(api.imports.calendarPreview({ file: hostile }))
    expect(preview.events.map((e) => e.title)).toEqual(["<script>alert('ics')</script>Rust meetup <img src=x onerror=alert(1)>"])
    expect(preview.notes).toEqual(['One event has no start and is not shown.'])
    const [event] = preview.events
    await ok(api.imports.calendarCommit({ file: hostile, choices: [{ key: event?.key ?? '', kind: 'meetup' }] }))
    const [row] = (await ok(api.activities.list({}))).rows
    expect(row?.url).toBeNull()
    expect(row?.notes).toBe('Free pizza')
  })

  it.each([
    ['a file that is not a calendar', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane\r\nEND:VCARD\r\n', /not an iCalendar/],
    ['a calendar cut short', sourceFixture('calendar/meetups.ics').toString('utf8').slice(0, 900), /cannot be read/],
    ['a calendar with broken lines', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is not a property\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', /cannot be read/],
  ])('refuses %s in words and changes nothing', async (_what, text, message) => {
    const { core, api } = await setup()
    const path = join(core.dataDir, 'bad.ics')
    writeFileSync(path, text)
    const before = snapshotStore(core.db)
    const error = await refused(api.imports.calendarPreview({ file: { path } }))
    expect(error.message).toMatch(message)
    expect((await refused(api.imports.calendarCommit({ file: { path }, choices: [{ key: 'x', kind: 'talk' }] }))).message).toMatch(message)
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('reads a yearly event without end only up to a year ahead, and a huge repeat only so far', async () => {
    const { api } = await setup()
    const text = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', 'BEGIN:VEVENT', 'UID:daily@example.com', 'DTSTAMP:20200101T000000Z', 'DTSTART:20200101T180000Z', 'RRULE:FREQ=DAILY', 'SUMMARY:Daily standup', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:year@example.com', 'DTSTAMP:20200101T000000Z', 'DTSTART;VALUE=DATE:20240301', 'RRULE:FREQ=YEARLY', 'SUMMARY:Local JUG anniversary meetup', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n')
    const preview = await ok(api.imports.calendarPreview({ text }))
    expect(preview.events.filter((e) => e.title === 'Daily standup')).toHaveLength(600)
    expect(preview.events.filter((e) => e.title.startsWith('Local JUG')).map((e) => e.date)).toEqual(['2027-03-01', '2026-03-01', '2025-03-01', '2024-03-01'])
  })

  it('refuses choices of another kind or none, before reading anything', async () => {
    const { core, api } = await setup()
    expect((await refused(api.imports.calendarCommit({ file, choices: [] }))).message).toMatch(/at least one event/)
    const wrongKind = await core.dispatch('imports.calendarCommit', { file, choices: [{ key: 'x', kind: 'pull-request' }] })
    expect(wrongKind.ok ? null : wrongKind.error.message).toMatch(/meetup or a talk/)
  })
})
