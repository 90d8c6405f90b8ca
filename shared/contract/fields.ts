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

/** What the web host's upload route answers with: the name it gave the file in the data folder. */
export const uploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'That is not an uploaded file')

/**
 * A file to import, read by the core from disk rather than sent as one body: the path the
 * person picked in the desktop app's dialog, or the id the web host's upload route gave it.
 */
export const importFile = z.union(
  [
    z.strictObject({ path: z.string().min(1, 'Pick a file').max(4096, 'That file path is too long') }),
    z.strictObject({ upload: uploadId }),
  ],
  { error: 'Pick a file: a path, or an uploaded file' },
)
export type ImportFile = z.output<typeof importFile>
