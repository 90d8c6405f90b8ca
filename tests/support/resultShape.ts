import { z } from 'zod'

const errorCodes = ['invalid-input', 'not-found', 'conflict', 'unknown-channel', 'unavailable', 'cancelled', 'internal'] as const
/** What every channel must answer, whatever it was sent: a value or a typed error in words. */
export const resultShape = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({
      code: z.enum(errorCodes),
      message: z.string().min(1).refine((m) => !/\n\s+at /.test(m), 'a stack trace reached the caller'),
      issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
    }),
  }),
])
