import { z } from 'zod'
import { DomainError } from '../../ipc/domainError'
import { decodeEntities, htmlToText, oneLine } from '../plainText'

/** What an activity needs of a badge, from whichever version of Open Badges it came. */
export interface Badge {
  /** The assertion's or credential's id when it is one: what tells two awards apart. */
  id: string | null
  name: string
  issuer: string | null
  issuedOn: Date
  expires: Date | null
  evidence: string | null
  /** Where the award can be checked (a hosted assertion), when it is an address. */
  link: string | null
  description: string | null
}

/** A link another part of the document may name instead of embedding: followed only on request. */
export type Resolve = (address: string, what: string) => Promise<unknown>

const refuse = (message: string): DomainError => new DomainError('invalid-input', `${message} Nothing was imported.`, [{ path: 'file', message }])

const text = z.string()
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]))
const typeList = oneOrMany(text)
const evidenceItem = z.union([text, z.object({ id: text.optional(), narrative: text.optional(), name: text.optional() })])
const profile = z.union([text, z.object({ id: text.optional(), name: text.optional(), url: text.optional() })])

const ob2Badge = z.object({ name: text, description: text.optional(), issuer: profile.optional() })
const ob2Assertion = z.object({
  type: typeList.optional(),
  id: text.optional(),
  issuedOn: text,
  expires: text.optional(),
  badge: z.union([text, ob2Badge]),
  evidence: oneOrMany(evidenceItem).optional(),
})

const ob3Credential = z.object({
  type: typeList,
  id: text.optional(),
  name: text.optional(),
  issuer: profile,
  validFrom: text.optional(),
  issuanceDate: text.optional(),
  awardedDate: text.optional(),
  validUntil: text.optional(),
  expirationDate: text.optional(),
  credentialSubject: z.object({ achievement: z.object({ name: text, description: text.optional() }).optional() }),
  evidence: oneOrMany(evidenceItem).optional(),
})

const webLink = (value: string | undefined): string | null => {
  if (!value) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function moment(value: string | undefined, what: string): Date | null {
  if (!value) return null
  // OB 2.0 allows a bare day; both allow an offset or Z. Anything Date cannot read is refused in words.
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value)
  if (!Number.isFinite(at.getTime())) throw refuse(`The badge's ${what} (${value.slice(0, 60)}) is not a date.`)
  return at
}

function firstEvidence(items: z.output<typeof evidenceItem>[] | undefined): string | null {
  for (const item of items ?? []) {
    const link = webLink(typeof item === 'string' ? item : item.id)
    if (link) return link
  }
  return null
}

async function profileName(value: z.output<typeof profile> | undefined, resolve: Resolve): Promise<string | null> {
  if (value === undefined) return null
  if (typeof value !== 'string') return value.name ? oneLine(decodeEntities(value.name), 200) : null
  const link = webLink(value)
  if (!link) return null
  const parsed = z.object({ name: text }).safeParse(await resolve(link, "the badge's issuer"))
  return parsed.success ? oneLine(parsed.data.name, 200) : null
}

const typesOf = (json: unknown): string[] => {
  const parsed = z.object({ type: typeList }).safeParse(json)
  return parsed.success ? parsed.data.type : []
}

/** An Open Badges 2.0 Assertion or a 3.0 OpenBadgeCredential (or AchievementCredential), as a Badge. */
export async function badgeFrom(json: unknown, resolve: Resolve): Promise<Badge> {
  const types = typesOf(json)
  if (types.some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential' || t === 'VerifiableCredential')) {
    const parsed = ob3Credential.safeParse(json)
    if (!parsed.success) throw refuse(`This Open Badges 3.0 credential lacks what a badge needs (${issuePath(parsed.error)}).`)
    const vc = parsed.data
    const issuedOn = moment(vc.validFrom ?? vc.awardedDate ?? vc.issuanceDate, 'issue date')
    if (!issuedOn) throw refuse('This Open Badges 3.0 credential has no issue date (validFrom).')
    const name = vc.credentialSubject.achievement?.name ?? vc.name
    if (!name) throw refuse('This Open Badges 3.0 credential names no achievement.')
    return {
      id: vc.id ?? null,
      name: oneLine(decodeEntities(name), 200),
      issuer: await profileName(vc.issuer, resolve),
      issuedOn,
      expires: moment(vc.validUntil ?? vc.expirationDate, 'expiry date'),
      evidence: firstEvidence(vc.evidence),
      link: webLink(vc.id),
      description: vc.credentialSubject.achievement?.description ? htmlToText(vc.credentialSubject.achievement.description, 400) : null,
    }
  }
  const parsed = ob2Assertion.safeParse(json)
  if (!parsed.success) {
    if (types.length === 0 && !(json !== null && typeof json === 'object' && 'issuedOn' in json)) throw refuse('This JSON is not an Open Badges assertion or credential.')
    throw refuse(`This Open Badges assertion lacks what a badge needs (${issuePath(parsed.error)}).`)
  }
  const assertion = parsed.data
  let badgeClass: z.output<typeof ob2Badge>
  if (typeof assertion.badge === 'string') {
    const link = webLink(assertion.badge)
    if (!link) throw refuse('The assertion names its badge by something that is not a web address.')
    const fetched = ob2Badge.safeParse(await resolve(link, 'the badge'))
    if (!fetched.success) throw refuse(`The badge at ${link.slice(0, 200)} has no name.`)
    badgeClass = fetched.data
  } else {
    badgeClass = assertion.badge
  }
  const issuedOn = moment(assertion.issuedOn, 'issue date')
  if (!issuedOn) throw refuse('This assertion has no issue date (issuedOn).')
  return {
    id: assertion.id ?? null,
    name: oneLine(decodeEntities(badgeClass.name), 200),
    issuer: await profileName(badgeClass.issuer, resolve),
    issuedOn,
    expires: moment(assertion.expires, 'expiry date'),
    evidence: firstEvidence(assertion.evidence),
    link: webLink(assertion.id),
    description: badgeClass.description ? htmlToText(badgeClass.description, 400) : null,
  }
}

const issuePath = (error: z.ZodError): string => {
  const issue = error.issues[0]
  return issue ? `${issue.path.join('.') || 'the document'}: ${issue.code === 'invalid_type' ? 'missing or of the wrong type' : issue.message}` : 'unknown'
}

/**
 * The JSON in a compact JWS (header.payload.signature), as OB 3.0 allows a credential to be
 * baked or served. The signature is not checked: the import records what the badge says, and
 * its link is where anyone can verify it.
 */
export function jwsPayload(token: string): unknown {
  const payload = token.split('.')[1]
  if (!payload) throw refuse('This signed credential is damaged (it has no payload).')
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    throw refuse('This signed credential is damaged (its payload is not JSON).')
  }
  // A VC-JWT (VC data model 1.1) wraps the credential in a `vc` claim.
  const wrapped = z.object({ vc: z.record(z.string(), z.unknown()) }).safeParse(json)
  return wrapped.success ? wrapped.data.vc : json
}
