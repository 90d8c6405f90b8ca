import { z } from 'zod'
import { channel } from './channel'
import { noInput } from './fields'
import type { Profile } from '../domain/profile'

/** One line of plain text, or '' / null for none. */
const line = (what: string, max: number) =>
  z
    .string({ error: `${what} is text` })
    .trim()
    .max(max, `Keep ${what.toLowerCase()} under ${max} characters`)
    .refine((value) => !/[\r\n\t]/.test(value), `${what} fits on one line`)
    .transform((value) => (value === '' ? null : value))
    .nullable()

export const profileChanges = z.strictObject({
  name: line('Your name', 100).optional(),
  jobTitle: line('The job title', 100).optional(),
})

export const profileChannels = {
  get: channel<Profile>()(noInput),
  /** Changes only the fields given; '' or null clears one. */
  save: channel<Profile>()(profileChanges),
  /** The introduction was finished or skipped: it is not offered again. */
  finishOnboarding: channel<Profile>()(noInput),
}
