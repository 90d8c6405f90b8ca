import ICAL from 'ical.js'
import { DomainError } from '../../ipc/domainError'
import { keyFor } from '../importedActivity'
import { htmlToParagraphs, oneLine } from '../plainText'

/** One event, or one occurrence of a repeating one, as the import uses it. */
export interface CalendarEntry {
  key: string
  date: string
  title: string
  location: string | null
  url: string | null
  description: string | null
  allDay: boolean
  recurring: boolean
  /** Length in hours for an event with times, when it is within a day. */
  hours: number | null
}

export interface ReadCalendar {
  name: string | null
  entries: CalendarEntry[]
  notes: string[]
}

/** Occurrences of one repeating event that are read (a weekly meetup for ten years is 520). */
const maxOccurrences = 600
/** Events and occurrences in one calendar; past this the rest is said, not read. */
export const maxCalendarEntries = 20_000
const dayMs = 86_400_000

const refuse = (message: string): DomainError => new DomainError('invalid-input', `${message} Nothing was imported.`, [{ path: 'calendar', message }])

const pad = (n: number, size = 2): string => String(n).padStart(size, '0')

/**
 * The day an event starts in the person's calendar: an all-day date as written; a UTC time on
 * this computer's clock; a time in a named zone (or floating) on the wall clock it was written
 * for, which is the day the people there met, and needs no zone database.
 */
function dayOf(time: ICAL.Time): string {
  if (!time.isDate && time.zone === ICAL.Timezone.utcTimezone) {
    const at = time.toJSDate()
    return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
  }
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`
}

const webLink = (value: unknown): string | null => {
  if (typeof value !== 'string') return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function hoursBetween(start: ICAL.Time, end: ICAL.Time | null): number | null {
  if (start.isDate || !end) return null
  const hours = (end.toUnixTime() - start.toUnixTime()) / 3600
  return hours > 0 && hours <= 24 ? Math.round(hours * 4) / 4 : null
}

function entryOf(event: ICAL.Event, start: ICAL.Time, end: ICAL.Time | null, key: string, recurring: boolean): CalendarEntry {
  const text = (value: unknown, max: number) => (typeof value === 'string' ? oneLine(value, max) : '')
  return {
    key,
    date: dayOf(start),
    title: text(event.summary, 200) || 'Untitled event',
    location: text(event.location, 200) || null,
    url: webLink(event.component.getFirstPropertyValue('url')),
    description: typeof event.description === 'string' ? htmlToParagraphs(event.description, 800) || null : null,
    allDay: start.isDate,
    recurring,
    hours: hoursBetween(start, end),
  }
}

/**
 * The events of an iCalendar file (RFC 5545), read by ical.js: single events, all-day ones, and
 * each occurrence of a repeating one (with its moved or renamed exceptions) up to a year ahead.
 * Cancelled events are left out. Text is reduced to plain text here.
 */
export function readCalendar(text: string, now: Date): ReadCalendar {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text.slice(0, 1000))) throw refuse('This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR.')
  let root: ICAL.Component
  try {
    root = new ICAL.Component(ICAL.parse(text))
  } catch (error) {
    throw refuse(`This calendar cannot be read${error instanceof Error ? ` (${error.message.slice(0, 200)})` : ''}.`)
  }
  const calendar = root.name === 'vcalendar' ? root : root.getFirstSubcomponent('vcalendar')
  if (!calendar) throw refuse('This file holds no calendar.')
  const notes: string[] = []
  const entries: CalendarEntry[] = []
  const horizon = ICAL.Time.fromJSDate(new Date(now.getTime() + 365 * dayMs), true)
  const components = calendar.getAllSubcomponents('vevent')
  const exceptions = new Map<string, ICAL.Component[]>()
  const masters: ICAL.Component[] = []
  for (const component of components) {
    if (component.hasProperty('recurrence-id')) {
      const uid = String(component.getFirstPropertyValue('uid') ?? '')
      exceptions.set(uid, [...(exceptions.get(uid) ?? []), component])
    } else {
      masters.push(component)
    }
  }
  let noStart = 0
  let cut = false
  const add = (entry: CalendarEntry) => {
    if (entries.length >= maxCalendarEntries) cut = true
    else entries.push(entry)
  }
  for (const component of masters) {
    if (entries.length >= maxCalendarEntries) {
      cut = true
      break
    }
    let event: ICAL.Event
    try {
      event = new ICAL.Event(component, { strictExceptions: false })
      for (const exception of exceptions.get(event.uid ?? '') ?? []) event.relateException(exception)
    } catch {
      noStart += 1
      continue
    }
    const start = event.startDate
    if (!start) {
      noStart += 1
      continue
    }
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') continue
    const uid = event.uid || `${event.summary ?? ''}@${start.toString()}`
    if (!event.isRecurring()) {
      add(entryOf(event, start, event.endDate ?? null, keyFor('calendar', uid), false))
      continue
    }
    const iterator = event.iterator()
    let next: ICAL.Time | null | undefined
    for (let n = 0; n < maxOccurrences && (next = iterator.next()); n++) {
      if (next.compare(horizon) > 0) break
      const details = event.getOccurrenceDetails(next)
      if (String(details.item.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') continue
      add(entryOf(details.item, details.startDate, details.endDate ?? null, keyFor('calendar', `${uid}@${details.recurrenceId.toString()}`), true))
    }
  }
  if (noStart > 0) notes.push(`${noStart === 1 ? 'One event has' : `${noStart} events have`} no start and ${noStart === 1 ? 'is' : 'are'} not shown.`)
  if (cut) notes.push(`The calendar holds more than ${maxCalendarEntries.toLocaleString('en-US')} events; the first ones are shown.`)
  const name = calendar.getFirstPropertyValue('x-wr-calname')
  return { name: typeof name === 'string' ? oneLine(name, 200) || null : null, entries, notes }
}

const talkWords = /\b(talk|talks|talking|speak|speaking|speaker|keynote|presentation|presenting|lightning|panel|workshop i (?:gave|ran)|my session)\b/i
const meetupWords = /\b(meetup|meet-up|meeting group|user group|usergroup|conference|conf|summit|hackathon|devday|barcamp|unconference|jug|ug)\b/i

/** A guess from the title: a talk the person gave, a meetup they went to, or neither (not ticked). */
export function suggestKind(title: string): 'meetup' | 'talk' | null {
  if (talkWords.test(title)) return 'talk'
  if (meetupWords.test(title)) return 'meetup'
  return null
}
