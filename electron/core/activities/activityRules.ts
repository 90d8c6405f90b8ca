import { addYears, format } from 'date-fns'
import type { FieldIssue } from '@shared/contract'
import { activityKindLabels, kindsWithState } from '@shared/domain/activities'
import { DomainError } from '../ipc/domainError'
import type { ActivityFields } from './activityRow'

export interface RuleDeps {
  now: Date
  unknownSkills(ids: readonly string[]): string[]
  goalExists(id: number): boolean
}

export const dayOf = (date: Date): string => format(date, 'yyyy-MM-dd')

// An import checks every row against the same clock: formatting its day once, not per row
// (date-fns' format was a tenth of reading a CSV file).
let latestFor: { now: number; day: string } | null = null
function latestDay(now: Date): string {
  if (latestFor?.now !== now.getTime()) latestFor = { now: now.getTime(), day: dayOf(addYears(now, 1)) }
  return latestFor.day
}

/**
 * The checks zod cannot make alone: ones that need the clock, the store, or several fields
 * together. Returns every problem, so a form can mark all of them at once.
 */
export function activityIssues(fields: ActivityFields, deps: RuleDeps): FieldIssue[] {
  const issues: FieldIssue[] = []
  const latest = latestDay(deps.now)
  if (fields.date > latest) {
    issues.push({ path: 'date', message: `The date ${fields.date} is more than a year ahead; use the day the work happened` })
  }
  if (fields.state !== null && !kindsWithState.includes(fields.kind)) {
    issues.push({ path: 'state', message: `${activityKindLabels[fields.kind].many} have no open, merged or closed state` })
  } else if (fields.state === 'merged' && fields.kind !== 'pull-request') {
    issues.push({ path: 'state', message: 'Only a pull request can be merged' })
  }
  if (fields.hours !== null && fields.hours < 0) issues.push({ path: 'hours', message: 'Hours cannot be negative' })
  for (const id of deps.unknownSkills(fields.skillIds)) {
    issues.push({ path: 'skillIds', message: `There is no skill "${id}" in the career path` })
  }
  if (fields.goalId !== null && !deps.goalExists(fields.goalId)) {
    issues.push({ path: 'goalId', message: `There is no goal ${fields.goalId}` })
  }
  return issues
}

/** One message for people, the same shape the input parser gives. */
export function invalidInput(issues: FieldIssue[]): DomainError {
  const sentences = [...new Set(issues.map((i) => i.message))]
  const message = sentences.length === 1 ? `${sentences[0]}.` : `${sentences.length} things need fixing: ${sentences.slice(0, 5).join('; ')}.`
  return new DomainError('invalid-input', message, issues)
}

export function assertValidActivity(fields: ActivityFields, deps: RuleDeps): void {
  const issues = activityIssues(fields, deps)
  if (issues.length > 0) throw invalidInput(issues)
}
