import { z } from 'zod'
import { replaceLoneSurrogates } from '../../ipc/nulCharacters'

/** Only the fields the import reads; GitHub sends many more, and they are ignored. */
export const searchItemSchema = z.object({
  /** Unique across repositories, unlike `number`: what tells the same item apart across searches. */
  id: z.number().int(),
  number: z.number().int(),
  // SQLite's text functions stop at a NUL (length('\0') is 0) and a lone surrogate has no UTF-8
  // form: either from the API shows as U+FFFD.
  title: z.string().transform((text) => replaceLoneSurrogates(text.replaceAll('\0', '\uFFFD'))),
  html_url: z.string(),
  state: z.enum(['open', 'closed']),
  created_at: z.string(),
  updated_at: z.string(),
  repository_url: z.string(),
  pull_request: z.object({ merged_at: z.string().nullable().optional() }).optional(),
})
export type SearchItem = z.infer<typeof searchItemSchema>

export const searchPageSchema = z.object({
  total_count: z.number(),
  incomplete_results: z.boolean().optional(),
  items: z.array(searchItemSchema),
})

export const reviewSchema = z.object({
  id: z.number(),
  user: z.object({ login: z.string() }).nullable(),
  state: z.string(),
  html_url: z.string().optional(),
  submitted_at: z.string().nullable().optional(),
})
export type Review = z.infer<typeof reviewSchema>

export const reviewsPageSchema = z.array(reviewSchema)
