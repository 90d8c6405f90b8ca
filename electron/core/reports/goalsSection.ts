import { isOpenGoal, type Goal } from '@shared/domain/goals'
import { goalProgressRuleText } from '@shared/domain/progress'
import type { ReportGoal, ReportGoals, ReportPeriod } from '@shared/domain/report'
import { dayIn } from './period'

const within = (instant: string | null, period: ReportPeriod): boolean =>
  instant !== null && instant >= period.startsAt && instant < period.endsAt

const byTarget = (a: ReportGoal, b: ReportGoal): number =>
  (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') || a.id - b.id

/**
 * Goals as of the period: done in it, still in progress at its end, or overdue then.
 * A goal has no status history, so "done in the period" means it was last changed inside
 * the period while done: marking a goal done is, in practice, the last thing done to it.
 */
export function buildGoals(goals: readonly Goal[], period: ReportPeriod, asOf: string, excludeNotes: boolean): { goals: ReportGoals; milestonesDone: number } {
  const zone = period.timeZone
  const toReport = (goal: Goal): ReportGoal => ({
    id: goal.id,
    title: goal.title,
    description: excludeNotes || !goal.description?.trim() ? null : goal.description,
    status: goal.status,
    priority: goal.priority,
    startDate: goal.startDate,
    targetDate: goal.targetDate,
    progress: goal.progress,
    completedOn: goal.status === 'done' ? dayIn(goal.updatedAt, zone) : null,
    milestones: goal.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueDate: m.dueDate,
      doneOn: m.doneAt === null ? null : dayIn(m.doneAt, zone),
      doneInPeriod: within(m.doneAt, period),
      overdue: m.overdue,
    })),
  })

  const done = goals
    .filter((g) => g.status === 'done' && within(g.updatedAt, period))
    .map(toReport)
    .sort((a, b) => (a.completedOn ?? '').localeCompare(b.completedOn ?? '') || a.id - b.id)
  const open = goals.filter((g) => isOpenGoal(g) && g.startDate <= period.to)
  const overdue = open.filter((g) => g.overdue).map(toReport).sort(byTarget)
  const inProgress = open.filter((g) => !g.overdue).map(toReport).sort(byTarget)
  const milestonesDone = goals.reduce((n, g) => n + g.milestones.filter((m) => within(m.doneAt, period)).length, 0)

  return { goals: { asOf, rule: goalProgressRuleText, done, inProgress, overdue }, milestonesDone }
}
