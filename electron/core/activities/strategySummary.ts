import type { ActivityKind, StrategySummary } from '@shared/domain/activities'
import { activityNouns, count, joinWords } from '@shared/domain/activityWords'

/** Repositories only mean something for kinds that happen in one. */
const repoKinds: readonly ActivityKind[] = ['pull-request', 'issue', 'code-review', 'docs', 'release', 'commits', 'portfolio-project']

/** "Engage in Open Source Projects: 42 merged PRs in 9 repositories this year" */
export function summarizeStrategy(input: {
  strategyId: string
  title: string
  kinds: ActivityKind[]
  byKind: Map<ActivityKind, number>
  mergedPullRequests: number
  repositories: number
}): StrategySummary {
  const byKind = input.kinds.map((kind) => ({ kind, count: input.byKind.get(kind) ?? 0 }))
  const total = byKind.reduce((sum, k) => sum + k.count, 0)
  const parts: string[] = []
  for (const { kind, count: n } of byKind) {
    if (n === 0) continue
    if (kind === 'pull-request' && input.mergedPullRequests > 0) parts.push(count(input.mergedPullRequests, ['merged PR', 'merged PRs']))
    else if (kind === 'pull-request') parts.push(count(n, ['PR opened', 'PRs opened']))
    else parts.push(count(n, activityNouns[kind]))
  }
  const shown = parts.length > 3 ? [...parts.slice(0, 3), count(parts.length - 3, ['more kind', 'more kinds'])] : parts
  const where =
    input.repositories > 0 && input.kinds.some((k) => repoKinds.includes(k))
      ? ` in ${count(input.repositories, ['repository', 'repositories'])}`
      : ''
  const sentence = total === 0 ? `${input.title}: nothing logged yet this year` : `${input.title}: ${joinWords(shown)}${where} this year`
  return {
    strategyId: input.strategyId,
    title: input.title,
    kinds: input.kinds,
    total,
    byKind,
    mergedPullRequests: input.mergedPullRequests,
    repositories: input.repositories,
    sentence,
  }
}
