import { activityKindLabels, activityStateLabels } from '@shared/domain/activities'
import { goalStatusLabels } from '@shared/domain/goals'
import type { ReportGoal, ReportModel } from '@shared/domain/report'
import { spreadsheetCell } from '../csv/formulaCells'

// Every cell goes through spreadsheetCell, so `=HYPERLINK(...)` in any text stays text when the file is opened.
const csvLine = (cells: readonly (string | number | null)[]): string => cells.map(spreadsheetCell).join(',')

export const csvHeader = [
  'record',
  'id',
  'date',
  'kind',
  'title',
  'repository',
  'state',
  'url',
  'hours',
  'skills',
  'goal_id',
  'status',
  'start_date',
  'target_date',
  'progress_percent',
  'milestones_done',
  'milestones',
  'activities_counted',
  'activities_target',
  'activities_noun',
  'notes',
  'impact',
  'starred',
] as const

const goalRow = (g: ReportGoal, group: string) =>
  csvLine([
    'goal',
    g.id,
    g.completedOn,
    group,
    g.title,
    null,
    null,
    null,
    null,
    null,
    null,
    goalStatusLabels[g.status],
    g.startDate,
    g.targetDate,
    Math.round(g.progress * 100),
    g.milestones.filter((m) => m.doneOn !== null).length,
    g.milestones.length,
    g.activityTally?.counted ?? null,
    g.activityTally?.target ?? null,
    g.activityTally?.noun ?? null,
    g.description,
    null,
    null,
  ])

/**
 * The period's activities (oldest first) and, when the report includes its goals section,
 * the goals, as one table: `record` says which a row
 * is. Activities of private repositories and left-out notes are absent, as in every format.
 * Lines end in CRLF, as RFC 4180 has it.
 */
export function renderCsv(model: ReportModel): string {
  const lines = [csvLine(csvHeader)]
  for (const a of model.activities) {
    lines.push(
      csvLine([
        'activity',
        a.id,
        a.date,
        activityKindLabels[a.kind].one,
        a.title,
        a.repo,
        a.state === null ? null : activityStateLabels[a.state],
        a.url,
        a.hours,
        a.skills.join('; '),
        a.goalId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        a.notes,
        a.impact,
        a.starred ? 'yes' : null,
      ]),
    )
  }
  const goals = model.goals
  if (goals) {
    for (const g of goals.done) lines.push(goalRow(g, 'Completed'))
    for (const g of goals.inProgress) lines.push(goalRow(g, 'In progress'))
    for (const g of goals.overdue) lines.push(goalRow(g, 'Overdue'))
  }
  return `${lines.join('\r\n')}\r\n`
}
