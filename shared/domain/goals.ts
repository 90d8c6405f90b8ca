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
  /** 0-1: done milestones / milestones, or manualProgress / 100 when there are none. */
  progress: number
  overdue: boolean
  items: GoalItemRef[]
  /** In the user's order. */
  milestones: Milestone[]
  createdAt: string
  updatedAt: string
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
