import type { ActivityKind, ActivityState } from '@shared/domain/activities'
import type { GoalActivityTarget } from '@shared/domain/goals'

/** An activity target as the goal form holds it: text boxes hold text, '' means none. */
export interface TargetDraft {
  count: string
  kinds: ActivityKind[]
  state: ActivityState | ''
  repo: string
  skillId: string
  from: string
  to: string
}

/** The issue's own example, "merged PRs", waiting for a number. */
export const blankTarget = (): TargetDraft => ({ count: '', kinds: ['pull-request'], state: 'merged', repo: '', skillId: '', from: '', to: '' })

export const targetFromGoal = (target: GoalActivityTarget): TargetDraft => ({
  count: String(target.count),
  kinds: [...target.kinds],
  state: target.state ?? '',
  repo: target.repo ?? '',
  skillId: target.skillId ?? '',
  from: target.from ?? '',
  to: target.to ?? '',
})

/**
 * The contract's input. An empty or unreadable count becomes 0 or NaN, which the schema
 * refuses with its own words ("The target count must be a whole number from 1 to 100,000").
 */
export const targetInput = (draft: TargetDraft) => ({
  count: Number(draft.count.trim() === '' ? 0 : draft.count),
  kinds: [...draft.kinds],
  state: draft.state === '' ? null : draft.state,
  repo: draft.repo.trim() === '' ? null : draft.repo.trim(),
  skillId: draft.skillId === '' ? null : draft.skillId,
  from: draft.from === '' ? null : draft.from,
  to: draft.to === '' ? null : draft.to,
})
