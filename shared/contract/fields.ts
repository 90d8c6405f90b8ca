import { z } from 'zod'

/** Building blocks shared by the channel schemas, with messages written for people. */

export const itemId = z
  .string({ error: 'An item id is required' })
  .min(1, 'An item id is required')
  .max(200, 'That item id is too long')

export const isoDate = z.iso.date({ error: 'Use a date like 2027-03-31' })

export const httpUrl = z
  .string()
  .trim()
  .max(2000, 'That link is too long')
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'http:' || url.protocol === 'https:'
    } catch {
      return false
    }
  }, 'Links must start with http:// or https://')

export const title = z
  .string({ error: 'A title is required' })
  .trim()
  .min(1, 'A title is required')
  .max(200, 'Keep the title under 200 characters')

export const longText = z.string().max(20_000, 'Keep this under 20,000 characters')

export const noInput = z.undefined().or(z.strictObject({}))

/** A moment as the store keeps it: UTC ISO-8601, as Date.toISOString() writes it. */
export const isoTimestamp = z.iso.datetime({ error: 'Use a UTC time like 2027-03-31T09:30:00.000Z' })
