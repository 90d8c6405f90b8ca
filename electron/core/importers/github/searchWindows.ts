import { throwIfCancelled } from '../importRun'

/** The search API stops at 1,000 results per query, whatever the paging says. */
export const searchCap = 1000

/**
 * A range of creation hours, both ends included, counted in UTC hours since 1970. A window
 * starts as whole days and is halved by days; a single day still over the cap is halved by
 * hours, which GitHub's `created:` takes as ISO date-times. An open end reaches past its hour
 * (`created:<=` / `created:>=`), so the outermost windows between them cover every item
 * whatever its date, even one created while the import runs.
 */
export interface DayWindow {
  first: number
  last: number
  openStart: boolean
  openEnd: boolean
}

const hourMs = 3_600_000
const dayHours = 24
const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / (dayHours * hourMs))
export const isoDay = (hour: number): string => new Date(hour * hourMs).toISOString().slice(0, 10)
/** The first second of an hour, or its last: GitHub reads both ends of a range as included. */
const isoHour = (hour: number, end: boolean): string => new Date(hour * hourMs + (end ? hourMs - 1000 : 0)).toISOString().replace('.000Z', 'Z')

/** GitHub opened in 2008; nothing on it is older, and an open start covers even that. */
const historyStart = dayOf('2008-01-01') * dayHours

export function wholeHistory(now: Date): DayWindow {
  const lastDay = Math.floor(now.getTime() / (dayHours * hourMs))
  return { first: historyStart, last: Math.max(historyStart + dayHours, (lastDay + 1) * dayHours) - 1, openStart: true, openEnd: true }
}

/** Whether a window is made of whole days, so its qualifier can name days as before hours were needed. */
export const wholeDays = (window: DayWindow): boolean => window.first % dayHours === 0 && (window.last + 1) % dayHours === 0

/** The `created:` qualifier for a window; none for the whole history, so that query stays the plain one. */
export function createdQualifier(window: DayWindow): string {
  const days = wholeDays(window)
  const from = days ? isoDay(window.first) : isoHour(window.first, false)
  const to = days ? isoDay(window.last) : isoHour(window.last, true)
  if (window.openStart && window.openEnd) return ''
  if (window.openStart) return ` created:<=${to}`
  if (window.openEnd) return ` created:>=${from}`
  return ` created:${from}..${to}`
}

/**
 * Two halves that share no hour and miss none, or null for a single hour that cannot be
 * split. Windows of several days are halved on a day boundary; one day, by hours.
 */
export function halves(window: DayWindow): [DayWindow, DayWindow] | null {
  if (window.first >= window.last) return null
  const firstDay = Math.floor(window.first / dayHours)
  const lastDay = Math.floor(window.last / dayHours)
  const middle = firstDay < lastDay ? (Math.floor((firstDay + lastDay) / 2) + 1) * dayHours - 1 : Math.floor((window.first + window.last) / 2)
  return [
    { first: window.first, last: middle, openStart: window.openStart, openEnd: false },
    { first: middle + 1, last: window.last, openStart: false, openEnd: window.openEnd },
  ]
}

/** What the splitter asks of the search. Each method is one or more requests. */
export interface WindowReader {
  /** The window's total_count alone, from a one-item page. */
  count(window: DayWindow): Promise<number>
  /**
   * Opens the window with a full first page and returns its total_count. When the total fits
   * the cap, or the window cannot be split, it goes on to read every page it can reach
   * (`read: true`); otherwise it stops after that first page.
   */
  read(window: DayWindow, canSplit: boolean): Promise<{ total: number; read: boolean }>
}

/**
 * Reads every item of a search by cutting its history into creation-day windows (creation-hour
 * ones within a crowded day) of at most `searchCap` results each, halving a window until it
 * fits, as GitHub advises.
 *
 * Requests are spent only where they tell something: a window is opened with a full page,
 * which is its first page when it fits; the cheap count is asked only of a left half expected
 * to be over the cap (its items would be thrown away); a right half's size is the parent's
 * total less the left half's, so it is split without asking when that is over the cap, and
 * skipped when it is zero. An item created during the import may land in a skipped half; the
 * next import takes it.
 */
export async function readInWindows(reader: WindowReader, root: DayWindow, signal?: AbortSignal): Promise<void> {
  async function visit(window: DayWindow, known: number | undefined): Promise<number> {
    throwIfCancelled(signal)
    if (known === 0) return 0
    const parts = halves(window)
    if (known === undefined || known <= searchCap || parts === null) {
      const opened = await reader.read(window, parts !== null)
      if (opened.read || parts === null) return opened.total
      return split(parts, opened.total)
    }
    return split(parts, known)
  }

  async function split([left, right]: [DayWindow, DayWindow], total: number): Promise<number> {
    const leftKnown = total / 2 > searchCap ? await reader.count(left) : undefined
    const leftTotal = await visit(left, leftKnown)
    await visit(right, Math.max(0, total - leftTotal))
    return total
  }

  await visit(root, undefined)
}
