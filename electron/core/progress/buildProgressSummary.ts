import { addDays } from 'date-fns'
import { daysBetween, parseIsoDate, toIsoDate } from '@shared/domain/dates'
import { activityTally, isOpenGoal, type Goal } from '@shared/domain/goals'
import {
  emptyProgress,
  measureProgress,
  progressBuckets,
  progressRuleText,
  type GoalDeadline,
  type GoalGlance,
  type MilestoneDeadline,
  type NextUpItem,
  type ProgressEntry,
  type ProgressSummary,
} from '@shared/domain/progress'
import type { CareerPathSummary, RoadmapItem } from '@shared/domain/roadmap'

export const dueSoonDays = 30

export interface SummaryInput {
  path: CareerPathSummary
  /** The path's items in path order. */
  items: readonly RoadmapItem[]
  chosenTrackIds: readonly string[]
  /**
   * Goals that are not archived, in the goals list's order (open ones are enough: only they
   * can be due or overdue, and only active ones are listed).
   */
  goals: readonly Goal[]
  today: string
}

/** The dashboard from plain data: no store, no clock, so it is tested as a function. */
export function buildProgressSummary({ path, items, chosenTrackIds, goals, today }: SummaryInput): ProgressSummary {
  const { byId, overall } = measureProgress(items)
  const chosen = new Set(chosenTrackIds)
  const entry = (item: RoadmapItem): ProgressEntry => ({
    id: item.id,
    kind: item.kind,
    title: item.title,
    parentId: item.parentId,
    custom: item.custom,
    hidden: item.hidden,
    progress: byId.get(item.id) ?? emptyProgress(),
  })

  const horizon = toIsoDate(addDays(parseIsoDate(today), dueSoonDays))
  const open = goals.filter(isOpenGoal)
  const deadline = (goal: Goal, targetDate: string): GoalDeadline => ({
    goalId: goal.id,
    title: goal.title,
    targetDate,
    daysLeft: daysBetween(today, targetDate),
    priority: goal.priority,
    status: goal.status,
    progress: goal.progress,
    activityTally: activityTally(goal),
  })
  const dueSoon = open
    .flatMap((g) => (g.targetDate !== null && g.targetDate >= today && g.targetDate <= horizon ? [deadline(g, g.targetDate)] : []))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.goalId - b.goalId)
  const overdueGoals = open
    .flatMap((g) => (g.overdue && g.targetDate !== null ? [deadline(g, g.targetDate)] : []))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.goalId - b.goalId)
  const milestoneDeadlines = (keep: (m: Goal['milestones'][number], dueDate: string) => boolean): MilestoneDeadline[] =>
    open
      .flatMap((g) =>
        g.milestones.flatMap((m): MilestoneDeadline[] =>
          m.dueDate !== null && keep(m, m.dueDate)
            ? [{ milestoneId: m.id, title: m.title, dueDate: m.dueDate, daysLeft: daysBetween(today, m.dueDate), goalId: g.id, goalTitle: g.title }]
            : [],
        ),
      )
      .sort((a, b) => a.daysLeft - b.daysLeft || a.milestoneId - b.milestoneId)
  const overdueMilestones = milestoneDeadlines((m) => m.overdue)
  const dueSoonMilestones = milestoneDeadlines((m, dueDate) => m.doneAt === null && dueDate >= today && dueDate <= horizon)

  const activeGoals = open.flatMap((g): GoalGlance[] =>
    g.status === 'active'
      ? [
          {
            goalId: g.id,
            title: g.title,
            targetDate: g.targetDate,
            overdue: g.overdue,
            progress: g.progress,
            milestonesDone: g.milestones.filter((m) => m.doneAt !== null).length,
            milestones: g.milestones.length,
            activityTally: activityTally(g),
          },
        ]
      : [],
  )

  const byItemId = new Map(items.map((i) => [i.id, i]))
  const trackOf = (item: RoadmapItem): RoadmapItem | undefined => {
    const seen = new Set<string>()
    for (let at: RoadmapItem | undefined = item; at && !seen.has(at.id); at = at.parentId === null ? undefined : byItemId.get(at.parentId)) {
      seen.add(at.id)
      if (at.kind === 'track') return at
    }
    return undefined
  }
  const buckets = progressBuckets(items)
  const nextUp = items.flatMap((item): NextUpItem[] => {
    if (item.kind !== 'skill') return []
    const bucket = buckets.get(item.id)
    const track = trackOf(item)
    if (!track || !chosen.has(track.id) || (bucket !== 'not-started' && bucket !== 'in-progress')) return []
    return [{ id: item.id, title: item.title, status: item.status, level: item.level, trackId: track.id, trackTitle: track.title, custom: item.custom }]
  })

  return {
    today,
    pathId: path.id,
    rule: progressRuleText,
    overall,
    stages: items.filter((i) => i.kind === 'stage').map(entry),
    tracks: items
      .filter((i) => i.kind === 'track')
      .map((i) => ({ ...entry(i), tagline: i.tagline, salary: i.salary, chosen: chosen.has(i.id) })),
    strategyGroups: items.filter((i) => i.kind === 'strategy-group').map(entry),
    chosenTrackIds: items.filter((i) => i.kind === 'track' && chosen.has(i.id)).map((i) => i.id),
    dueSoon,
    dueSoonMilestones,
    overdueGoals,
    overdueMilestones,
    nextUp,
    activeGoals,
  }
}
