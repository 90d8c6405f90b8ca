import type { ActivityKind, ActivityState } from './activities'
import { activityNouns, joinWords, nounFor } from './activityWords'
import type { ItemKind } from './roadmap'

export const goalStatuses = ['active', 'paused', 'done', 'dropped'] as const
export type GoalStatus = (typeof goalStatuses)[number]
export const goalStatusLabels: Record<GoalStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  done: 'Done',
  dropped: 'Dropped',
}

export const goalPriorities = ['low', 'medium', 'high'] as const
export type GoalPriority = (typeof goalPriorities)[number]
export const goalPriorityLabels: Record<GoalPriority, string> = { low: 'Low', medium: 'Medium', high: 'High' }

/** A roadmap item a goal links to. `missing` when content no longer has it (kept, not dropped). */
export interface GoalItemRef {
  id: string
  kind: ItemKind | null
  title: string
  missing: boolean
}

export interface Milestone {
  id: number
  goalId: number
  title: string
  dueDate: string | null
  doneAt: string | null
  position: number
  overdue: boolean
}

/**
 * What an activity-driven goal counts ("10 merged PRs in 2027"). The filter is a subset of the
 * activity list's: no kinds means every kind; a missing `from` or `to` follows the goal's start
 * or target date, so moving the goal moves the count with it.
 */
export interface GoalActivityTarget {
  /** How many matching activities complete the goal: 1-100,000. */
  count: number
  kinds: ActivityKind[]
  state: ActivityState | null
  repo: string | null
  skillId: string | null
  from: string | null
  to: string | null
}

export interface Goal {
  id: number
  title: string
  description: string | null
  startDate: string
  targetDate: string | null
  priority: GoalPriority
  status: GoalStatus
  /** 0-100, set by hand; counts only while the goal has no milestones. */
  manualProgress: number
  /**
   * 0-1 by goalProgress: min(1, activityCount / activityTarget.count) for an activity-driven
   * goal; otherwise done milestones / milestones, or manualProgress / 100 when there are none.
   */
  progress: number
  /** Set when the goal counts activities; its milestones and manual progress then do not count. */
  activityTarget: GoalActivityTarget | null
  /** Live activities matching the target (see activityTargetRuleText); null without a target. */
  activityCount: number | null
  overdue: boolean
  items: GoalItemRef[]
  /** In the user's order. */
  milestones: Milestone[]
  createdAt: string
  updatedAt: string
  /** When the goal was marked done; null while it is not done. */
  completedAt: string | null
  /** Set while the goal is in the archive; restoring clears it and keeps the status. */
  archivedAt: string | null
}

/** A goal still being worked on: not finished, not given up, not archived. */
export const isOpenGoal = (goal: { status: GoalStatus; archivedAt: string | null }): boolean =>
  goal.archivedAt === null && (goal.status === 'active' || goal.status === 'paused')

export const isGoalOverdue = (goal: { status: GoalStatus; archivedAt: string | null; targetDate: string | null }, today: string): boolean =>
  isOpenGoal(goal) && goal.targetDate !== null && goal.targetDate < today

export const isMilestoneOverdue = (
  milestone: { dueDate: string | null; doneAt: string | null },
  goal: { status: GoalStatus; archivedAt: string | null },
  today: string,
): boolean => isOpenGoal(goal) && milestone.doneAt === null && milestone.dueDate !== null && milestone.dueDate < today

/** The dates a target counts between: its own, else the goal's (null: no bound on that side). */
export function activityTargetRange(
  target: Pick<GoalActivityTarget, 'from' | 'to'>,
  goal: { startDate: string; targetDate: string | null },
): { from: string; to: string | null } {
  return { from: target.from ?? goal.startDate, to: target.to ?? goal.targetDate }
}

/** "merged pull requests", "blog posts and talks", "activities": what a target counts, for `n` of them. */
export function activityTargetNoun(target: Pick<GoalActivityTarget, 'kinds' | 'state'>, n: number): string {
  const kinds = [...new Set(target.kinds)]
  const joined = kinds.length === 0 || kinds.length > 3 ? nounFor(n, ['activity', 'activities']) : joinWords(kinds.map((k) => nounFor(n, activityNouns[k])))
  return target.state ? `${target.state} ${joined}` : joined
}

/**
 * An activity-driven goal's count as every view and report format shows it beside the bar.
 * Made once from `Goal.activityCount` (the count its progress comes from), so the words and
 * the percentage can never disagree.
 */
export interface ActivityTally {
  /** Matching activities; may pass `target`, while progress stops at 100%. */
  counted: number
  target: number
  /** What is counted, in the number `target` takes: "merged pull requests". */
  noun: string
}

export function activityTally(goal: { activityTarget: GoalActivityTarget | null; activityCount: number | null }): ActivityTally | null {
  const target = goal.activityTarget
  if (target === null) return null
  return { counted: goal.activityCount ?? 0, target: target.count, noun: activityTargetNoun(target, target.count) }
}

/** "7 of 10 merged pull requests" */
export const describeTally = (tally: ActivityTally): string => `${tally.counted.toLocaleString('en')} of ${tally.target.toLocaleString('en')} ${tally.noun}`
