import { activityTally, type Goal } from '@shared/domain/goals'
import { activityTargetRuleText, goalProgress, goalProgressRuleText } from '@shared/domain/progress'
import type { ReportGoal, ReportGoals, ReportPeriod } from '@shared/domain/report'
import { dayIn } from './period'

const within = (instant: string | null, period: ReportPeriod): boolean =>
  instant !== null && instant >= period.startsAt && instant < period.endsAt

const byTarget = (a: ReportGoal, b: ReportGoal): number =>
  (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.id - b.id

/**
 * Goals as they stood at the end of the period: done in it, or still open then (in progress,
 * or overdue when the target date had passed by `asOf`). A goal is done on the day it was
 * marked done (completed_at, migration 009), whatever was edited after. Milestones count as
 * reached only if they were by the period's end, so a report on a past quarter shows that
 * quarter, not today.
 */
export function buildGoals(goals: readonly Goal[], period: ReportPeriod, asOf: string, excludeNotes: boolean): { goals: ReportGoals; milestonesDone: number } {
  const zone = period.timeZone
  const toReport = (goal: Goal, done: boolean): ReportGoal => {
    const milestones = goal.milestones.map((m) => {
      const reached = m.doneAt !== null && m.doneAt < period.endsAt
      return {
        id: m.id,
        title: m.title,
        dueDate: m.dueDate,
        doneOn: reached && m.doneAt !== null ? dayIn(m.doneAt, zone) : null,
        doneInPeriod: within(m.doneAt, period),
        overdue: !done && !reached && m.dueDate !== null && m.dueDate < asOf,
      }
    })
    return {
      id: goal.id,
      title: goal.title,
      description: excludeNotes || !goal.description?.trim() ? null : goal.description,
      status: done ? 'done' : goal.status === 'done' ? 'active' : goal.status,
      priority: goal.priority,
      startDate: goal.startDate,
      targetDate: goal.targetDate,
      progress:
        done && goal.milestones.length === 0
          ? goal.progress
          : goalProgress({
              manualProgress: goal.manualProgress,
              milestones: milestones.map((m) => ({ doneAt: m.doneOn })),
              // Counted through the period's end by the report's sources.
              activityTarget: goal.activityTarget,
              activityCount: goal.activityCount,
            }),
      activityTally: activityTally(goal),
      completedOn: done && goal.completedAt !== null ? dayIn(goal.completedAt, zone) : null,
      milestones,
    }
  }

  const done: ReportGoal[] = []
  const open: ReportGoal[] = []
  for (const goal of goals) {
    if (goal.archivedAt !== null || goal.status === 'dropped' || goal.startDate > period.to) continue
    const completedAt = goal.status === 'done' ? goal.completedAt : null
    if (completedAt !== null && completedAt < period.startsAt) continue
    if (within(completedAt, period)) done.push(toReport(goal, true))
    else open.push(toReport(goal, false))
  }
  done.sort((a, b) => (a.completedOn ?? '').localeCompare(b.completedOn ?? '') || a.id - b.id)
  const isOverdue = (g: ReportGoal) => g.targetDate !== null && g.targetDate < asOf
  const milestonesDone = goals.reduce((n, g) => n + (g.archivedAt === null ? g.milestones.filter((m) => within(m.doneAt, period)).length : 0), 0)

  return {
    goals: {
      asOf,
      rule: goals.some((g) => g.activityTarget !== null) ? `${goalProgressRuleText} ${activityTargetRuleText}` : goalProgressRuleText,
      done,
      inProgress: open.filter((g) => !isOverdue(g)).sort(byTarget),
      overdue: open.filter(isOverdue).sort(byTarget),
    },
    milestonesDone,
  }
}
