import { contract } from '@shared/contract'
import type { ImportFile } from '@shared/contract/fields'
import type { ActivitiesRepository } from '../activities/activitiesRepository'
import type { CoreContext } from '../context'
import { handle, type CoreHandlers } from '../ipc/handle'
import { importBadge } from './badges/importBadge'
import { credlyAssertionUrl } from './badges/credly'
import { importCalendar, previewCalendar } from './calendar/importCalendar'
import { importFeed } from './feeds/importFeed'
import type { ImportRegistry } from './importRegistry'
import { importStackExchange } from './stackexchange/importStackExchange'
import { fetchDocument } from './fetch/fetchLimited'
import { documentText, doneWithDocument, readDocument, type DocumentSource } from './fetch/sourceDocument'
import { DomainError } from '../ipc/domainError'
import type { SourceEndpoints } from './sourceEndpoints'

type Run = ReturnType<ImportRegistry['start']>
export type Tracked = <T>(importId: string | undefined, body: (run: Run) => Promise<T> | T) => Promise<T>


const megabytes = (n: number): number => n * 1024 * 1024
const maxFeedBytes = megabytes(20)
const maxCalendarBytes = megabytes(20)
const maxBadgeBytes = megabytes(10)
/** A hosted assertion, its badge class and issuer: what a badge may link to; no more requests than that. */
const maxBadgeLinks = 3

/** The one way the contract let through (its refinement checks there is exactly one). */
function documentOf(input: { url?: string | undefined; file?: ImportFile | undefined; text?: string | undefined }): DocumentSource {
  if (input.url !== undefined) return { url: input.url }
  if (input.file !== undefined) return { file: input.file }
  return { text: input.text ?? '' }
}

/** Stack Exchange, blog feeds, badges and calendars: the imports of what is not code. */
export function sourceImportsHandlers(
  ctx: CoreContext,
  parts: { repo: ActivitiesRepository; tracked: Tracked; beforeWrite: () => Promise<unknown>; endpoints?: SourceEndpoints },
): Pick<CoreHandlers['imports'], 'stackExchange' | 'feed' | 'badge' | 'calendarPreview' | 'calendarCommit'> {
  const { db, now, log, dataDir } = ctx
  const { repo, tracked, beforeWrite } = parts
  const c = contract.imports
  const endpoints = parts.endpoints ?? {}

  return {
    stackExchange: handle(c.stackExchange, ({ site, userId, key, importId }) =>
      tracked(importId, ({ signal, onProgress }) =>
        importStackExchange(db, repo, { site, userId, key, apiUrl: endpoints.stackExchangeApiUrl, now, signal, onProgress, beforeWrite }),
      ), log),
    feed: handle(c.feed, (input) =>
      tracked(input.importId, async ({ signal, onProgress }) => {
        const source = documentOf(input)
        const read = await readDocument(source, { dataDir, what: 'feed', maxBytes: maxFeedBytes, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8', signal })
        const summary = await importFeed(db, repo, { text: documentText(read.bytes), address: read.url, now, signal, onProgress, beforeWrite })
        await doneWithDocument(dataDir, source)
        return summary
      }), log),
    badge: handle(c.badge, (input) =>
      tracked(input.importId, async ({ signal, onProgress }) => {
        const given = documentOf(input)
        // A Credly page is HTML for people; the assertion behind it is the data.
        const credly = 'url' in given ? credlyAssertionUrl(given.url, endpoints.credlyApiUrl) : null
        const source = credly ? { url: credly } : given
        const read = await readDocument(source, { dataDir, what: 'badge', maxBytes: maxBadgeBytes, accept: 'application/ld+json, application/json, image/png, image/svg+xml;q=0.9', signal })
        let links = 0
        const resolve = async (address: string, what: string): Promise<unknown> => {
          links += 1
          if (links > maxBadgeLinks) throw new DomainError('invalid-input', 'The badge links on and on to other documents; the import stopped. Nothing was imported.')
          const answer = await fetchDocument(address, { what, accept: 'application/ld+json, application/json', signal, limits: { maxBytes: megabytes(1) } })
          try {
            return JSON.parse(documentText(answer.bytes))
          } catch {
            throw new DomainError('invalid-input', `${what[0]?.toUpperCase()}${what.slice(1)} at ${answer.url.href.slice(0, 200)} is not JSON. Nothing was imported.`)
          }
        }
        const summary = await importBadge(db, repo, { bytes: read.bytes, resolve, now, signal, onProgress, beforeWrite })
        await doneWithDocument(dataDir, given)
        return summary
      }), log),
    calendarPreview: handle(c.calendarPreview, (input) =>
      tracked(input.importId, async ({ signal, onProgress }) => {
        onProgress(0, 0, 'Reading the calendar')
        const read = await readDocument(documentOf(input), { dataDir, what: 'calendar', maxBytes: maxCalendarBytes, accept: 'text/calendar', signal })
        // The upload stays for the import that follows the preview.
        return previewCalendar(repo, documentText(read.bytes), now())
      }), log),
    calendarCommit: handle(c.calendarCommit, (input) =>
      tracked(input.importId, async ({ signal, onProgress }) => {
        const source = documentOf(input)
        const read = await readDocument(source, { dataDir, what: 'calendar', maxBytes: maxCalendarBytes, accept: 'text/calendar', signal })
        const summary = await importCalendar(db, repo, { text: documentText(read.bytes), choices: input.choices, now, signal, onProgress, beforeWrite })
        await doneWithDocument(dataDir, source)
        return summary
      }), log),
  }
}
