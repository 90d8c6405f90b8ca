import { z } from 'zod'
import { DomainError } from '../../ipc/domainError'
import { throwIfCancelled } from '../importRun'
import type { GitHubClient } from './githubClient'
import { reviewsPageSchema } from './githubSchemas'

export interface ReviewedPull {
  /** owner/name */
  repo: string
  number: number
}

export interface FirstReview {
  at: string
  url: string | undefined
}

/** Pull requests asked about per GraphQL query: one alias each, well under GitHub's node limits. */
const batchSize = 50

const firstReviewNode = z.object({
  pullRequest: z.object({ reviews: z.object({ nodes: z.array(z.object({ submittedAt: z.string().nullable(), url: z.string().optional() })) }) }).nullable(),
})
const answerSchema = z.object({
  // An alias GitHub could not resolve (a repository gone or hidden since) is null, with an error beside it.
  data: z.record(z.string(), firstReviewNode.nullable()).nullable().optional(),
  errors: z.array(z.object({ message: z.string() })).optional(),
})

const keyOf = (pull: ReviewedPull): string => `${pull.repo.toLowerCase()}#${pull.number}`

/** A query with one aliased pull request per item, every value a variable (nothing pasted into the text). */
function batchQuery(pulls: readonly ReviewedPull[]): { text: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {}
  const declared = ['$u: String!']
  const fields: string[] = []
  for (const [i, pull] of pulls.entries()) {
    const [owner = '', name = ''] = pull.repo.split('/')
    Object.assign(variables, { [`o${i}`]: owner, [`n${i}`]: name, [`p${i}`]: pull.number })
    declared.push(`$o${i}: String!`, `$n${i}: String!`, `$p${i}: Int!`)
    fields.push(`r${i}: repository(owner: $o${i}, name: $n${i}) { pullRequest(number: $p${i}) { reviews(author: $u, first: 1, states: [APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED]) { nodes { submittedAt url } } } }`)
  }
  return { text: `query FirstReviews(${declared.join(', ')}) {\n${fields.join('\n')}\n}`, variables }
}

/**
 * The person's first submitted review of each pull request, keyed "owner/name#number". With a
 * token, GraphQL answers fifty pull requests a request (reviews come oldest first, so the first
 * one is it); without one, GitHub serves no GraphQL and each pull request's reviews are read
 * over REST instead.
 */
export async function firstReviews(
  client: GitHubClient,
  username: string,
  pulls: readonly ReviewedPull[],
  run: { signal?: AbortSignal | undefined; onProgress?: (done: number, total: number) => void },
): Promise<Map<string, FirstReview>> {
  const found = new Map<string, FirstReview>()
  if (client.canQuery) {
    for (let start = 0; start < pulls.length; start += batchSize) {
      throwIfCancelled(run.signal)
      run.onProgress?.(start, pulls.length)
      const batch = pulls.slice(start, start + batchSize)
      const { text, variables } = batchQuery(batch)
      const answer = await client.query(text, { ...variables, u: username }, answerSchema)
      if (!answer.data) throw new DomainError('unavailable', `GitHub's GraphQL API refused the question${answer.errors?.[0] ? `: ${answer.errors[0].message.slice(0, 200)}` : ''}. Nothing was imported.`)
      for (const [i, pull] of batch.entries()) {
        const review = answer.data[`r${i}`]?.pullRequest?.reviews.nodes[0]
        if (review?.submittedAt) found.set(keyOf(pull), { at: review.submittedAt, url: review.url })
      }
    }
    return found
  }
  for (const [index, pull] of pulls.entries()) {
    throwIfCancelled(run.signal)
    run.onProgress?.(index, pulls.length)
    let first: FirstReview | null = null
    for await (const page of client.pages(`/repos/${pull.repo}/pulls/${pull.number}/reviews?per_page=100`, reviewsPageSchema)) {
      for (const review of page) {
        if (review.user?.login.toLowerCase() !== username.toLowerCase() || !review.submitted_at) continue
        if (!first || review.submitted_at < first.at) first = { at: review.submitted_at, url: review.html_url }
      }
    }
    if (first) found.set(keyOf(pull), first)
  }
  return found
}

export const reviewKey = keyOf
