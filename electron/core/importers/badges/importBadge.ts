import { format } from 'date-fns'
import type { ImportSummary } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import { DomainError } from '../../ipc/domainError'
import type { Db } from '../../store/database'
import { importedActivity, keyFor } from '../importedActivity'
import { throwIfCancelled, type ImportRun } from '../importRun'
import { documentText } from '../fetch/sourceDocument'
import { writeImportWhenNeeded } from '../writeImport'
import { isPng, textFromPng, textFromSvg } from './bakedBadge'
import { badgeFrom, jwsPayload, type Badge, type Resolve } from './badgeDocument'

export interface BadgeImportOptions extends ImportRun {
  bytes: Buffer
  /** Follows a link the badge names (a hosted assertion, its badge class, its issuer). */
  resolve: Resolve
  now: () => Date
}

const refuse = (message: string): DomainError => new DomainError('invalid-input', `${message} Nothing was imported.`, [{ path: 'file', message }])

/** What was baked or sent: the assertion's JSON, a signed credential, or the address of a hosted one. */
async function documentOf(baked: string, resolve: Resolve): Promise<unknown> {
  const text = baked.trim()
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text)
    } catch {
      throw refuse('The badge is not valid JSON (it may be cut short).')
    }
  }
  if (/^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text)) return jwsPayload(text)
  if (/^https?:\/\/\S+$/.test(text)) return resolve(text, 'the hosted badge')
  throw refuse('This is not an Open Badges assertion or credential: not JSON, a signed credential, or a baked image.')
}

/** The badge in a JSON file, a signed credential, or a PNG or SVG with one baked in. */
export async function readBadge(bytes: Buffer, resolve: Resolve): Promise<Badge> {
  if (isPng(bytes)) return badgeFrom(await documentOf(textFromPng(bytes), resolve), resolve)
  const text = documentText(bytes)
  const start = text.trimStart().slice(0, 400)
  if (start.startsWith('<')) {
    if (!/<svg\b/i.test(text.slice(0, 100_000))) throw refuse('This is a web page or XML, not a badge. For a Credly badge, give the address of its page (credly.com/badges/...).')
    return badgeFrom(await documentOf(textFromSvg(text), resolve), resolve)
  }
  if (/^(GIF8|\xFF\xD8)/.test(start)) throw refuse('Only PNG and SVG images carry baked badges.')
  return badgeFrom(await documentOf(text, resolve), resolve)
}

const day = (at: Date): string => format(at, 'yyyy-MM-dd')

function notesOf(badge: Badge, now: Date): string {
  const lines = [`Issued${badge.issuer ? ` by ${badge.issuer}` : ''} on ${day(badge.issuedOn)}.`]
  if (badge.expires) lines.push(`${badge.expires.getTime() < now.getTime() ? 'Expired' : 'Expires'} on ${day(badge.expires)}.`)
  if (badge.evidence) lines.push(`Evidence: ${badge.evidence}`)
  if (badge.link && badge.link !== badge.evidence) lines.push(`Credential: ${badge.link}`)
  if (badge.description) lines.push(badge.description)
  return lines.join('\n')
}

/**
 * One certification from an Open Badges 2.0 assertion or 3.0 credential: its name, issuer,
 * day, expiry and evidence link. Matched again by the assertion's id, so the same badge imported
 * twice (as JSON and as its baked image) is one activity.
 */
export async function importBadge(db: Db, repo: ActivitiesRepository, options: BadgeImportOptions): Promise<ImportSummary> {
  options.onProgress?.(0, 1, 'Reading the badge')
  const badge = await readBadge(options.bytes, options.resolve)
  throwIfCancelled(options.signal)
  const identity = badge.id ?? `${badge.name}|${badge.issuer ?? ''}|${badge.issuedOn.toISOString()}`
  const fields = importedActivity(
    { kind: 'certification', date: day(badge.issuedOn), title: badge.name, url: badge.evidence ?? badge.link, repo: badge.issuer, notes: notesOf(badge, options.now()) },
    'badge',
    keyFor('badge', identity),
  )
  if ('problem' in fields) throw refuse(`The badge cannot be logged as it is (${fields.problem}).`)
  options.onProgress?.(1, 1, `Saving ${badge.name}`)
  return writeImportWhenNeeded(db, repo, [fields], {
    findUnkeyed: (incoming) => (incoming.url ? repo.findByUrl(incoming.url, incoming.kind) : undefined),
    merge: () => null,
  }, options.now(), options)
}
