import fc from 'fast-check'
import { z } from 'zod'
import type { AnyChannel } from '@shared/contract/channel'

/**
 * Inputs for attacking a channel: anything at all, values that break careless code, and
 * near-misses shaped by the channel's own zod schema (right keys, wrong types; valid enums
 * next to their uppercase twins; real item ids next to huge strings; extra and
 * prototype-polluting keys). Shaped inputs often pass validation, so handlers run on odd but
 * valid input too, not only the parser.
 *
 * Shared by the in-process fuzz test and the web host's (through HTTP): pass the channel from
 * `listChannels(contract)`. The inputs never name a real folder or host: paths point nowhere,
 * links use the .invalid domain; a test that can reach a network should still stub `fetch`.
 */

const huge = 'x'.repeat(1_000_001)
const long = 'é'.repeat(20_001)

/** Own keys only, set by definition: `{ "__proto__": ... }` as JSON.parse makes it, not a prototype change. */
const withOwnKeys = (base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  for (const source of [base, extra]) {
    for (const key of Object.keys(source)) Object.defineProperty(out, key, { value: source[key], enumerable: true, writable: true, configurable: true })
  }
  return out
}

const pollutingObjects = (): Record<string, unknown>[] => [
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  JSON.parse('{"prototype": {"polluted": true}, "__proto__": null}'),
]

export const nastyValues: readonly unknown[] = [
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0,
  2 ** 53,
  Number.MAX_VALUE,
  Number.MIN_SAFE_INTEGER,
  '',
  ' ',
  '\u0000',
  '\uD800',
  huge,
  long,
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  "'; DROP TABLE item_state; --",
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  true,
  false,
  [],
  {},
  [[[[[]]]]],
  Object.create(null),
  ...pollutingObjects(),
  new Date(NaN),
  10n,
]

const nasty: fc.Arbitrary<unknown> = fc.constantFrom(...nastyValues)

/** Strings a valid input might carry, so near-misses reach the handlers; by field name where it tells. */
const hints: [RegExp, readonly string[]][] = [
  [/date|since|^from$|^to$/i, ['2026-01-01', '2026-06-30', '2027-12-31']],
  [/url|link/i, ['https://example.invalid/o/r/pull/1', 'http://example.invalid/']],
  [/item|parent|skill|track/i, ['skill.java', 'skill.algorithms', 'skill.data-structures', 'track.java']],
  [/email/i, ['someone@example.invalid']],
  [/user|login/i, ['octo-cat']],
  [/repo/i, ['owner/name', 'expressjs/express']],
  [/title|name|note|description|tagline|text|search/i, ['A title', 'Notes with "quotes" and <b>tags</b>', 'ünïcödé 🚀']],
]
const plausibleStrings = ['skill.java', 'backend-developer', '2026-01-01', 'https://example.invalid/', 'done', 'pull-request', 'A title']
/** Almost right: the kind of mistake a person or a stale client makes. */
const nearMissStrings = ['2026-02-30', '2026-1-1', 'ftp://example.invalid/', 'skill.cobol', 'not-an-email', '-bad-login-', ' ', '', 'x'.repeat(201)]

/** Path-like fields get paths that exist nowhere, never "/" or ".". */
const pathLike = /folder|path|dir|file/i
const nowhere = fc.constantFrom('/nonexistent/pathfinder-fuzz', 'no-such-folder-pathfinder-fuzz')

const plausibleString = (key: string | undefined): fc.Arbitrary<unknown> => {
  if (key && pathLike.test(key)) return nowhere
  const hinted = hints.find(([pattern]) => key !== undefined && pattern.test(key))?.[1]
  return hinted ? fc.constantFrom(...hinted) : fc.oneof(fc.constantFrom(...plausibleStrings), fc.string({ minLength: 1, maxLength: 30 }))
}

const wrongString: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...nearMissStrings, huge, long, '\n', '\u0000', '../x', '%00'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
)

const plausibleNumber: fc.Arbitrary<unknown> = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }) })
const wrongNumber: fc.Arbitrary<unknown> = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(NaN, Infinity, -0, -1, 0, 2 ** 53 + 1, -1e308, 0.5))

const extraKeys: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constantFrom<Record<string, unknown>>({ extra: 1 }, { id: -1 }, ...pollutingObjects()),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3 }),
)

/**
 * A value the schema would likely accept (wrong only where its refinements say so), built
 * from the schema's own shape: the base every near-miss is one mistake away from.
 */
function plausible(schema: z.core.$ZodType, depth: number, key?: string): fc.Arbitrary<unknown> {
  if (depth > 5) return fc.constant(undefined)
  const next = (inner: z.core.$ZodType, innerKey = key) => plausible(inner, depth + 1, innerKey)
  if (schema instanceof z.ZodObject) {
    const fields: Record<string, fc.Arbitrary<unknown>> = {}
    for (const [name, field] of Object.entries(schema.shape)) fields[name] = next(field, name)
    return fc.record(fields)
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) {
    return fc.oneof(next(schema.unwrap()), fc.constant(undefined))
  }
  if (schema instanceof z.ZodNullable) return fc.oneof({ weight: 3, arbitrary: next(schema.unwrap()) }, { weight: 1, arbitrary: fc.constant(null) })
  if (schema instanceof z.ZodPipe) return next(schema.in)
  if (schema instanceof z.ZodUnion) return fc.oneof(...schema.options.map((option) => next(option)))
  if (schema instanceof z.ZodArray) return fc.array(next(schema.element), { maxLength: 3 })
  if (schema instanceof z.ZodEnum) return fc.constantFrom(...schema.options.map(String))
  if (schema instanceof z.ZodLiteral) return fc.constantFrom(...[...schema.values])
  if (schema instanceof z.ZodUndefined) return fc.constant(undefined)
  if (schema instanceof z.ZodNull) return fc.constant(null)
  if (schema instanceof z.ZodBoolean) return fc.boolean()
  if (schema instanceof z.ZodNumber) return plausibleNumber
  if (schema._zod.def.type === 'string') return plausibleString(key)
  return fc.anything({ maxDepth: 1 })
}

/** Something of the wrong kind for this schema: a wrong type, an odd number, a bad string. */
function wrongFor(schema: z.core.$ZodType): fc.Arbitrary<unknown> {
  if (schema._zod.def.type === 'string' || schema instanceof z.ZodEnum) return fc.oneof(wrongString, nasty)
  if (schema instanceof z.ZodNumber) return fc.oneof(wrongNumber, nasty)
  return nasty
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** A plausible input with one thing wrong: a field replaced, a field dropped, or keys added. */
function nearMiss(schema: z.core.$ZodType): fc.Arbitrary<unknown> {
  const object = schema instanceof z.ZodObject ? schema : schema instanceof z.ZodUnion ? schema.options.find((o) => o instanceof z.ZodObject) : undefined
  if (!(object instanceof z.ZodObject)) return fc.oneof(wrongFor(schema), plausible(schema, 0))
  const keys = Object.keys(object.shape)
  const base = plausible(object, 0)
  const replace =
    keys.length === 0
      ? fc.constant(null)
      : fc.constantFrom(...keys).chain((key) => {
          const field: z.core.$ZodType | undefined = object.shape[key]
          return (field ? wrongFor(field) : nasty).map((value) => ({ key, value }))
        })
  return fc.oneof(
    fc.tuple(base, replace).map(([b, change]) => (isRecord(b) && change ? withOwnKeys(b, { [change.key]: change.value }) : b)),
    fc.tuple(base, fc.constantFrom(...(keys.length ? keys : ['none']))).map(([b, key]) => (isRecord(b) ? Object.fromEntries(Object.entries(b).filter(([k]) => k !== key)) : b)),
    fc.tuple(base, extraKeys).map(([b, extra]) => (isRecord(b) ? withOwnKeys(b, extra) : b)),
  )
}

/** Everything the fuzz tests throw at one channel. */
export function fuzzInputsFor(channel: AnyChannel): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible(channel.input, 0) },
    { weight: 4, arbitrary: nearMiss(channel.input) },
    { weight: 2, arbitrary: fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, maxDepth: 3 }) },
    { weight: 1, arbitrary: nasty },
  )
}

/** Whether a value is a zod schema: a channel without one must fail the fuzz test. */
export const isZodSchema = (value: unknown): boolean => value instanceof z.ZodType
