import type { SalaryRange } from './careerPath'
import type { ActivityTally, GoalPriority, GoalStatus } from './goals'
import type { ItemKind, ItemStatus } from './roadmap'

/**
 * The one progress rule of the app, as pure functions so the dashboard, the roadmap and the
 * report all show the same number and explain it the same way.
 */
export const progressRuleText =
  'Each skill or strategy counts 1 when done, a half when in progress and 0 when not started; skipped and hidden items (and everything under them) leave the count, and a stage, track or group shows the average of the skills and strategies under it.'

export const goalProgressRuleText =
  "A goal's progress is the share of its milestones that are done, or the percentage you set by hand while it has no milestones; a goal that counts activities shows the matching activities out of its target instead, and its milestones and percentage do not count."

/**
 * Which activities an activity-driven goal counts. The one rule for the goals list, the
 * dashboard and reports: all of them read `Goal.activityCount`, made by the goals repository.
 */
export const activityTargetRuleText =
  "An activity counts toward a goal's target when it matches the target's kinds, state, repository, skill and dates (the goal's start and target dates unless the target sets its own), whether or not it is linked to that goal; linking alone never counts it."

/** Only these are measured; stages, tracks and groups are measured through them. */
export const measuredKinds: readonly ItemKind[] = ['skill', 'strategy']

/** How a measured item counts: its status, unless it or an item above it is hidden or skipped. */
export type ProgressBucket = ItemStatus | 'hidden'

export interface Progress {
  /** 0-1, or null when nothing counts here ("nothing to measure"): never NaN, never a fake 0. */
  ratio: number | null
  done: number
  inProgress: number
  notStarted: number
  /** Items in the count: done + in progress + not started. */
  counted: number
  skipped: number
  hidden: number
}

export interface ProgressItem {
  id: string
  parentId: string | null
  kind: ItemKind
  status: ItemStatus
  hidden: boolean
}

export const emptyProgress = (): Progress => ({ ratio: null, done: 0, inProgress: 0, notStarted: 0, counted: 0, skipped: 0, hidden: 0 })

const withBucket = (p: Progress, bucket: ProgressBucket): Progress => {
  const next = { ...p }
  if (bucket === 'done') next.done += 1
  else if (bucket === 'in-progress') next.inProgress += 1
  else if (bucket === 'not-started') next.notStarted += 1
  else if (bucket === 'skipped') next.skipped += 1
  else next.hidden += 1
  next.counted = next.done + next.inProgress + next.notStarted
  next.ratio = next.counted === 0 ? null : (next.done + next.inProgress / 2) / next.counted
  return next
}

/** Progress of a plain list of buckets (e.g. the leaves of one container). */
export function progressOf(buckets: Iterable<ProgressBucket>): Progress {
  let p = emptyProgress()
  for (const bucket of buckets) p = withBucket(p, bucket)
  return p
}

/**
 * Each measured item's bucket. Hidden wins over skipped, and both are inherited: hiding or
 * skipping a track takes its skills out of every count above it.
 */
export function progressBuckets(items: readonly ProgressItem[]): Map<string, ProgressBucket> {
  const byId = new Map(items.map((i) => [i.id, i]))
  const out = new Map<string, ProgressBucket>()
  for (const item of items) {
    if (!measuredKinds.includes(item.kind)) continue
    let hidden = false
    let skipped = false
    const seen = new Set<string>()
    for (let at: ProgressItem | undefined = item; at && !seen.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      seen.add(at.id)
      hidden ||= at.hidden
      skipped ||= at.status === 'skipped'
    }
    out.set(item.id, hidden ? 'hidden' : skipped ? 'skipped' : item.status)
  }
  return out
}

export interface ProgressReport {
  /** Every item's progress: a measured item's own, a container's over the measured items under it. */
  byId: Map<string, Progress>
  /** Over every measured item. */
  overall: Progress
}

export function measureProgress(items: readonly ProgressItem[]): ProgressReport {
  const byIdItem = new Map(items.map((i) => [i.id, i]))
  const buckets = progressBuckets(items)
  const byId = new Map<string, Progress>(items.map((i) => [i.id, emptyProgress()]))
  let overall = emptyProgress()
  for (const [id, bucket] of buckets) {
    overall = withBucket(overall, bucket)
    const seen = new Set<string>()
    for (let at = byIdItem.get(id); at && !seen.has(at.id); at = at.parentId === null ? undefined : byIdItem.get(at.parentId)) {
      seen.add(at.id)
      byId.set(at.id, withBucket(byId.get(at.id) ?? emptyProgress(), bucket))
    }
  }
  return { byId, overall }
}

/** "67%", or an en dash when there is nothing to measure. Rounds half up, as people do. */
export const formatPercent = (ratio: number | null): string => (ratio === null ? '–' : `${Math.round(ratio * 100)}%`)

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The tooltip beside a progress bar: what the number is made of, in words. */
export function describeProgress(p: Progress): string {
  const left = [p.skipped ? `${p.skipped} skipped` : '', p.hidden ? `${p.hidden} hidden` : ''].filter(Boolean).join(' and ')
  const notCounted = left ? ` ${left} ${p.skipped + p.hidden === 1 ? 'is' : 'are'} not counted.` : ''
  if (p.ratio === null) {
    return p.skipped + p.hidden === 0
      ? 'Nothing to measure: there are no skills or strategies here.'
      : `Nothing to measure: every skill and strategy here is skipped or hidden (${left}).`
  }
  const parts = [`${p.done} of ${plural(p.counted, 'item')} done`]
  if (p.inProgress) parts.push(`${p.inProgress} in progress (counts half)`)
  return `${formatPercent(p.ratio)}: ${parts.join(', ')}.${notCounted}`
}

export function goalProgress(goal: {
  manualProgress: number
  milestones: readonly { doneAt: string | null }[]
  activityTarget?: { count: number } | null
  activityCount?: number | null
}): number {
  if (goal.activityTarget) return Math.min(1, Math.max(0, goal.activityCount ?? 0) / Math.max(1, goal.activityTarget.count))
  if (goal.milestones.length === 0) return Math.min(100, Math.max(0, goal.manualProgress)) / 100
  return goal.milestones.filter((m) => m.doneAt !== null).length / goal.milestones.length
}

export interface ProgressEntry {
  id: string
  kind: ItemKind
  title: string
  parentId: string | null
  custom: boolean
  hidden: boolean
  progress: Progress
}

export interface TrackProgress extends ProgressEntry {
  tagline: string | null
  salary: SalaryRange | null
  chosen: boolean
}

export interface GoalDeadline {
  goalId: number
  title: string
  targetDate: string
  /** Days from today to the target date: negative when overdue. */
  daysLeft: number
  priority: GoalPriority
  status: GoalStatus
  progress: number
  /** Set for a goal that counts activities: what its progress is made of. */
  activityTally: ActivityTally | null
}

/**
 * An active goal as the dashboard lists it: only what its row shows, so the dashboard never
 * needs the whole goal (links, descriptions, every milestone) to draw it.
 */
export interface GoalGlance {
  goalId: number
  title: string
  targetDate: string | null
  overdue: boolean
  progress: number
  milestonesDone: number
  milestones: number
  activityTally: ActivityTally | null
}

export interface MilestoneDeadline {
  milestoneId: number
  title: string
  dueDate: string
  daysLeft: number
  goalId: number
  goalTitle: string
}

export interface NextUpItem {
  id: string
  title: string
  status: ItemStatus
  level: number | null
  trackId: string
  trackTitle: string
  custom: boolean
}

/** The dashboard, computed in one call. */
export interface ProgressSummary {
  today: string
  pathId: string
  rule: string
  overall: Progress
  stages: ProgressEntry[]
  tracks: TrackProgress[]
  strategyGroups: ProgressEntry[]
  chosenTrackIds: string[]
  /** Open goals whose target date is today or within the next 30 days, soonest first. */
  dueSoon: GoalDeadline[]
  /** Unfinished milestones of open goals due today or within the next 30 days, soonest first. */
  dueSoonMilestones: MilestoneDeadline[]
  /** Open goals past their target date, most overdue first. */
  overdueGoals: GoalDeadline[]
  /** Unfinished milestones past their due date, of open goals, most overdue first. */
  overdueMilestones: MilestoneDeadline[]
  /** Unfinished skills of the chosen tracks, in path order. */
  nextUp: NextUpItem[]
  /** Active goals (not paused, not archived) in the goals list's order. */
  activeGoals: GoalGlance[]
}
