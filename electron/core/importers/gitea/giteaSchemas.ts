import { z } from 'zod'
import { forgeTitle } from '../forge/forgeFields'

/**
 * Only the fields the import reads of Gitea's and Forgejo's API v1 (the swagger at
 * /api/swagger: Issue, PullRequestMeta, RepositoryMeta, Repository, User); the rest is ignored.
 */
export const giteaIssueSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  title: forgeTitle,
  html_url: z.string(),
  state: z.enum(['open', 'closed']),
  created_at: z.string(),
  pull_request: z.object({ merged: z.boolean().optional(), merged_at: z.string().nullable().optional() }).nullable().optional(),
  repository: z.object({ full_name: z.string() }),
})
export type GiteaIssue = z.infer<typeof giteaIssueSchema>

export const giteaIssuesSchema = z.array(giteaIssueSchema)

export const giteaUserSchema = z.object({ login: z.string() })

export const giteaRepositorySchema = z.object({
  full_name: z.string(),
  private: z.boolean(),
  // Visible to the server's signed-in users only: as good as private for a report.
  internal: z.boolean().optional(),
})
