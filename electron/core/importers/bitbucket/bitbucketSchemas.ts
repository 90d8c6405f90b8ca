import { z } from 'zod'
import { forgeTitle } from '../forge/forgeFields'

/**
 * Only the fields the import reads. Cloud: the 2.0 API's paginated `pullrequest` list and
 * `repository` (developer.atlassian.com/cloud/bitbucket/rest). Data Center: REST 1.0's paged
 * dashboard pull requests (developer.atlassian.com/server/bitbucket/rest).
 */
export const cloudPullRequestSchema = z.object({
  id: z.number().int(),
  title: forgeTitle,
  state: z.enum(['OPEN', 'MERGED', 'DECLINED', 'SUPERSEDED']),
  created_on: z.string(),
  updated_on: z.string(),
  links: z.object({ html: z.object({ href: z.string() }).optional() }),
  destination: z.object({ repository: z.object({ full_name: z.string() }) }),
})
export type CloudPullRequest = z.infer<typeof cloudPullRequestSchema>

export const cloudPageSchema = z.object({
  values: z.array(cloudPullRequestSchema),
  next: z.string().optional(),
  size: z.number().int().optional(),
})

export const cloudRepositorySchema = z.object({ full_name: z.string(), is_private: z.boolean() })

export const dataCenterPullRequestSchema = z.object({
  id: z.number().int(),
  title: forgeTitle,
  state: z.enum(['OPEN', 'MERGED', 'DECLINED']),
  createdDate: z.number(),
  updatedDate: z.number(),
  toRef: z.object({
    repository: z.object({
      slug: z.string(),
      public: z.boolean().optional(),
      project: z.object({ key: z.string(), public: z.boolean().optional() }),
    }),
  }),
  links: z.object({ self: z.array(z.object({ href: z.string() })).optional() }).optional(),
})
export type DataCenterPullRequest = z.infer<typeof dataCenterPullRequestSchema>

export const dataCenterPageSchema = z.object({
  values: z.array(dataCenterPullRequestSchema),
  size: z.number().int(),
  isLastPage: z.boolean(),
  nextPageStart: z.number().int().nullable().optional(),
})
