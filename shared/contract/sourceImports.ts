import { z } from 'zod'
import { channel } from './channel'
import { httpUrl, importFile } from './fields'
import type { ImportSummary } from '../domain/activities'
import { calendarKinds, type CalendarPreview } from '../domain/sourceImports'

/** The caller picks it, so it can ask for progress or cancel while the import runs (as imports.ts). */
const importId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An import id is 1 to 64 letters, digits, - or _').optional()

/**
 * A document to read: a web address, a file the core reads from disk (a path picked in the app,
 * or an upload of the web host), or its text in the call (small windows without either).
 */
const documentFields = (what: string) => ({
  url: httpUrl.optional(),
  file: importFile.optional(),
  text: z.string({ error: `The ${what} text is required` }).min(1, `The ${what} is empty`).max(20_000_000, `That ${what} is too large to send (20 MB at most)`).optional(),
})

/**
 * Exactly one of the three (isOneDocument). One object with three optional ways rather than a union of three:
 * a union's refusal names only the union, so a bad choice further on would be reported as a
 * missing document.
 */
const isOneDocument = (input: { url?: unknown; file?: unknown; text?: unknown }): boolean => [input.url, input.file, input.text].filter((given) => given !== undefined).length === 1
const oneDocument = (what: string): { error: string; path: string[] } => ({ error: `Give the ${what}'s address or choose its file (one of them)`, path: ['url'] })

/** A site by its domain (stackoverflow.com, unix.stackexchange.com) or its API name (stackoverflow). */
const site = z
  .string({ error: 'Name the Stack Exchange site' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/, 'Name the site like stackoverflow.com or superuser.com')
  .max(100, 'That site name is too long')

const choice = z.strictObject({
  key: z.string({ error: 'Each chosen event has its key' }).min(1).max(1000, 'That event key is too long'),
  kind: z.enum(calendarKinds, { error: 'An event becomes a meetup or a talk' }),
})

export const sourceImportChannels = {
  /** The person's answers on one site: no token; a key (an app's, not a secret) raises the daily quota. */
  stackExchange: channel<ImportSummary>()(
    z.strictObject({
      site,
      userId: z.number({ error: 'Your user id is the number in your profile link' }).int('A user id is a whole number').positive('A user id is a positive number').max(2_147_483_647, 'That user id is too large'),
      key: z.string().trim().regex(/^[A-Za-z0-9()*._-]{1,100}$/, 'That does not look like a Stack Apps key').optional(),
      importId,
    }),
  ),
  /** Every post of an RSS or Atom feed, each a blog post. */
  feed: channel<ImportSummary>()(z.strictObject({ ...documentFields('feed'), importId }).refine(isOneDocument, oneDocument('feed'))),
  /** One Open Badges 2.0 assertion or 3.0 credential: JSON, a baked PNG or SVG, or its address (Credly's badge pages too). */
  badge: channel<ImportSummary>()(z.strictObject({ ...documentFields('badge'), importId }).refine(isOneDocument, oneDocument('badge'))),
  /** The events of an .ics, for the person to choose from; changes nothing. */
  calendarPreview: channel<CalendarPreview>()(z.strictObject({ ...documentFields('calendar'), importId }).refine(isOneDocument, oneDocument('calendar'))),
  /** The chosen events, each as the meetup or talk the person said. */
  calendarCommit: channel<ImportSummary>()(
    z
      .strictObject({
        ...documentFields('calendar'),
        choices: z.array(choice, { error: 'Choose the events to import' }).min(1, 'Choose at least one event').max(10_000, 'Choose at most 10,000 events at once'),
        importId,
      })
      .refine(isOneDocument, oneDocument('calendar')),
  ),
}
