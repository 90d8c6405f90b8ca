import type { ImportIssue } from '@shared/domain/activities'
import type { GitHubClient } from './githubClient'
import { searchPageSchema, type SearchItem } from './githubSchemas'
import { createdQualifier, isoDay, readInWindows, searchCap, wholeDays, wholeHistory, type DayWindow, type WindowReader } from './searchWindows'

const perPage = 100
/** GitHub answers 422 past the cap, so a window is never paged beyond it, whatever its Link says. */
const maxPagesPerWindow = Math.ceil(searchCap / perPage)

function searchPath(query: string, size: number): string {
  // Oldest first: an item created while the pages are read joins the end instead of pushing
  // one not yet read back onto a page already read.
  const params = new URLSearchParams({ q: query, sort: 'created', order: 'asc', per_page: String(size) })
  return `/search/issues?${params.toString()}`
}

function dayPhrase(window: DayWindow): string {
  const day = isoDay(window.first)
  if (!wholeDays(window)) return `on ${day} between ${String(window.first % 24).padStart(2, '0')}:00 and ${String(window.last % 24).padStart(2, '0')}:59 UTC`
  if (window.openStart) return `on or before ${day}`
  if (window.openEnd) return `on or after ${day}`
  return `on ${day}`
}

export interface SearchRun {
  now: Date
  signal?: AbortSignal | undefined
  /** Distinct items read so far, of the search's total_count. */
  onProgress?: ((fetched: number, total: number) => void) | undefined
}

/**
 * Every item a search finds, each once, however many there are: past 1,000 the search is cut
 * into creation-day windows, and a crowded day into hours (see searchWindows.ts). What a single
 * hour holds beyond the cap cannot be reached; how many is said in `notes`, in words.
 */
export async function searchAll(client: GitHubClient, query: string, what: string, notes: ImportIssue[], run: SearchRun): Promise<SearchItem[]> {
  // By id: a window's pages can overlap when items move between requests, and an item edited
  // meanwhile is kept in its latest form.
  const found = new Map<number, SearchItem>()
  let expected: number | null = null
  let incomplete = false

  const get = (path: string) => client.get(path, searchPageSchema)
  const reader: WindowReader = {
    async count(window) {
      return (await get(searchPath(query + createdQualifier(window), 1))).data.total_count
    },
    async read(window, canSplit) {
      let page = await get(searchPath(query + createdQualifier(window), perPage))
      const total = page.data.total_count
      expected ??= total
      if (total > searchCap && canSplit) return { total, read: false }
      const inWindow = new Set<number>()
      for (let n = 1; ; n++) {
        if (page.data.incomplete_results) incomplete = true
        for (const item of page.data.items) {
          inWindow.add(item.id)
          const seen = found.get(item.id)
          if (!seen || seen.updated_at < item.updated_at) found.set(item.id, item)
        }
        run.onProgress?.(found.size, expected)
        if (page.next === null || n >= maxPagesPerWindow) break
        page = await get(page.next)
      }
      const missed = total - inWindow.size
      if (total > searchCap && missed > 0) {
        notes.push({
          message: `GitHub's search shows at most ${searchCap.toLocaleString('en-US')} results for one hour: of your ${total.toLocaleString('en-US')} ${what} opened ${dayPhrase(window)}, ${missed.toLocaleString('en-US')} could not be imported.`,
        })
      }
      return { total, read: true }
    },
  }

  await readInWindows(reader, wholeHistory(run.now), run.signal)
  if (incomplete) notes.push({ message: `GitHub's search timed out part way through your ${what}; import again later to fill in the rest.` })
  return [...found.values()]
}
