import { z } from 'zod'

/**
 * Every answer of the API comes in this wrapper (api.stackexchange.com/docs/wrapper): the items,
 * whether more pages follow, the day's quota, and `backoff`, the seconds to wait before calling
 * the same method again. An error answer has error_id, error_name and error_message instead.
 */
export const wrapperSchema = z.object({
  items: z.array(z.unknown()).optional(),
  has_more: z.boolean().optional(),
  quota_max: z.number().optional(),
  quota_remaining: z.number().optional(),
  backoff: z.number().optional(),
  error_id: z.number().optional(),
  error_name: z.string().optional(),
  error_message: z.string().optional(),
})
export type Wrapper = z.infer<typeof wrapperSchema>

/** Only what the import reads of an answer (with the filter that adds title and link). */
export const answerSchema = z.object({
  answer_id: z.number().int().positive(),
  question_id: z.number().int().optional(),
  is_accepted: z.boolean(),
  score: z.number().int(),
  /** Seconds since 1970, UTC. */
  creation_date: z.number().int(),
  title: z.string().optional(),
  link: z.string().optional(),
})
export type Answer = z.infer<typeof answerSchema>

export const filterSchema = z.object({ filter: z.string().min(1).max(200) })
