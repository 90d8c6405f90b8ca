/** The imports of what is not code: forum answers, blog posts, badges, calendar events. */

/** What an .ics holds, event by event, for the person to choose what becomes an activity. */
export interface CalendarEvent {
  /** Names this event (or this occurrence of a repeating one) in calendarCommit's choices. */
  key: string
  /** The day it starts, in the person's calendar, YYYY-MM-DD. */
  date: string
  title: string
  location: string | null
  allDay: boolean
  /** One occurrence of a repeating event. */
  recurring: boolean
  /** A guess from the title, which the person can change: null when it looks like neither. */
  suggested: 'meetup' | 'talk' | null
  /** Already imported (or removed after an import): choosing it again changes nothing. */
  inLog: boolean
}

export interface CalendarPreview {
  calendarName: string | null
  events: CalendarEvent[]
  /** Events the preview could not show (no start, past the cap), said in words. */
  notes: string[]
}

export const calendarKinds = ['meetup', 'talk'] as const
export type CalendarKind = (typeof calendarKinds)[number]

/** Stack Exchange's own API, where answers are read from. */
export const defaultStackExchangeApiUrl = 'https://api.stackexchange.com/2.3'

/**
 * The site and user of a Stack Exchange profile link (https://stackoverflow.com/users/22656/name),
 * or null when the text is not one. Sites are named by their domain, which the API takes as is.
 */
export function stackExchangeProfile(text: string): { site: string; userId: number } | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const match = /^\/users\/(\d{1,10})(?:\/|$)/.exec(url.pathname)
  if (!match?.[1]) return null
  return { site: url.hostname.toLowerCase(), userId: Number(match[1]) }
}
