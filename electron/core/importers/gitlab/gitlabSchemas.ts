import { z } from 'zod'
import { forgeTitle } from '../forge/forgeFields'

/**
 * Only the fields the import reads of GitLab's REST API v4 (docs.gitlab.com/api/merge_requests,
 * /api/issues, /api/events, /api/projects); GitLab sends many more, and they are ignored.
 */
const references = z.object({ full: z.string() })

export const mergeRequestSchema = z.object({
  id: z.number().int(),
  iid: z.number().int(),
  project_id: z.number().int(),
  title: forgeTitle,
  state: z.enum(['opened', 'closed', 'locked', 'merged']),
  created_at: z.string(),
  web_url: z.string(),
  references,
})
export type MergeRequest = z.infer<typeof mergeRequestSchema>

export const issueSchema = z.object({
  id: z.number().int(),
  iid: z.number().int(),
  project_id: z.number().int(),
  title: forgeTitle,
  state: z.enum(['opened', 'closed']),
  created_at: z.string(),
  web_url: z.string(),
  confidential: z.boolean().optional(),
  references,
})
export type Issue = z.infer<typeof issueSchema>

/**
 * One of the person's events: an approval ("approved", target a MergeRequest) or a comment
 * ("commented on", target a Note whose `note` says which merge request): a review, dated when
 * it was given.
 */
export const reviewEventSchema = z.object({
  id: z.number().int(),
  project_id: z.number().int().nullable(),
  action_name: z.string(),
  target_iid: z.number().int().nullable(),
  target_type: z.string().nullable(),
  target_title: forgeTitle.nullable(),
  created_at: z.string(),
  note: z
    .object({ noteable_type: z.string().nullable().optional(), noteable_iid: z.number().int().nullable().optional(), system: z.boolean().optional() })
    .nullable()
    .optional(),
})
export type ReviewEvent = z.infer<typeof reviewEventSchema>

export const projectSchema = z.object({
  id: z.number().int(),
  path_with_namespace: z.string(),
  web_url: z.string(),
  // Absent from some answers (a project seen without access to its settings): taken as public.
  visibility: z.enum(['private', 'internal', 'public']).optional(),
})
export type Project = z.infer<typeof projectSchema>

export const mergeRequestsSchema = z.array(mergeRequestSchema)
export const issuesSchema = z.array(issueSchema)
export const eventsSchema = z.array(reviewEventSchema)

/** `GET /users?username=`: the one user of that name, or none. */
export const usersSchema = z.array(z.object({ id: z.number().int(), username: z.string() }))
