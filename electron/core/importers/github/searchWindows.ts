import { throwIfCancelled } from '../importRun'

/** The search API stops at 1,000 results per query, whatever the paging says. */
export const searchCap = 1000

/**
 * A range of creation days, both ends included, counted in UTC days since 1970. An open end
 * reaches past its day (`created:<=` / `created:>=`), so the outermost windows between them
 * cover every item whatever its date, even one created while the import runs.
 */
export interface DayWindow {
  first: number
  last: number
  openStart: boolean
  openEnd: boolean
}

const dayMs = 86_400_000
const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / dayMs)
export const isoDay = (day: number): string => new Date(day * dayMs).toISOString().slice(0, 10)

/** GitHub opened in 2008; nothing on it is older, and an open start covers even that. */
const historyStart = dayOf('2008-01-01')

export function wholeHistory(now: Date): DayWindow {
  return { first: historyStart, last: Math.max(historyStart, Math.floor(now.getTime() / dayMs)), openStart: true, openEnd: true }
}

/** The `created:` qualifier for a window; none for the whole history, so that query stays the plain one. */
export function createdQualifier(window: DayWindow): string {
  const from = isoDay(window.first)
  const to = isoDay(window.last)
  if (window.openStart && window.openEnd) return ''
  if (window.openStart) return ` created:<=${to}`
  if (window.openEnd) return ` created:>=${from}`
  return ` created:${from}..${to}`
}

/** Two halves that share no day and miss none, or null for a single day that cannot be split. */
export function halves(window: DayWindow): [DayWindow, DayWindow] | null {
  if (window.first >= window.last) return null
  const middle = Math.floor((window.first + window.last) / 2)
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
 * Reads every item of a search by cutting its history into creation-day windows of at most
 * `searchCap` results each, halving a window until it fits, as GitHub advises.
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
