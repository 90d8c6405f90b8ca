import { z } from 'zod'
import { activityDraft } from '@shared/contract/activities'
import { httpUrl, isoDate, isoTimestamp, itemId, longText, title } from '@shared/contract/fields'
import { dueWithinReach, manualProgress, milestoneTooFarMessage, targetTooFarMessage, targetWithinReach } from '@shared/contract/goals'
import { reminderKey, reminderTarget } from '@shared/contract/reminders'
import { customItemFields, evidenceDraft } from '@shared/contract/roadmap'
import { weeklyReviewInput } from '@shared/contract/weeklyReview'
import { activityKindSchema } from '@shared/domain/careerPath'
import type { ExportRow } from '@shared/domain/dataTransfer'
import { isKnownSettingKey } from '../settings/settingKeys'

/**
 * What each imported cell must be: the very rules the contract applies when the app writes
 * it, so a file can hold nothing the app itself would refuse. A row that broke one would
 * load, then make every screen that reads it fail ("a due date zzz"). SQLite's own CHECKs
 * still judge the rest (statuses, priorities, kinds, links between rows).
 */
type Rule = z.ZodType

const parsesAsJson = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
const jsonText = z.string().refine(parsesAsJson, 'Must be JSON text, as the app writes it')
const kindList = z.string().refine((text) => parsesAsJson(text) && z.array(activityKindSchema).safeParse(JSON.parse(text)).success, 'Must be a JSON list of activity kinds')

const targetJson = z.string().refine((text) => parsesAsJson(text) && reminderTarget.safeParse(JSON.parse(text)).success, 'Must be what a reminder opens, as the app writes it')

const draft = activityDraft.shape
const review = weeklyReviewInput.shape
const evidence = evidenceDraft.shape
const maybe = (rule: Rule): Rule => rule.nullable()

const stamps = { created_at: isoTimestamp, updated_at: isoTimestamp }

export const rowRules: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  setting: {
    key: z.string().refine(isKnownSettingKey, 'Is not a setting this app has'),
    value: jsonText,
  },
  item_state: { item_id: itemId, note: maybe(longText), updated_at: isoTimestamp },
  item_state_history: { item_id: itemId, at: isoTimestamp },
  goal: {
    title,
    description: maybe(longText),
    start_date: isoDate,
    target_date: maybe(isoDate),
    manual_progress: manualProgress,
    archived_at: maybe(isoTimestamp),
    completed_at: maybe(isoTimestamp),
    ...stamps,
  },
  goal_item: { item_id: itemId },
  milestone: { title, due_date: maybe(isoDate), done_at: maybe(isoTimestamp), ...stamps },
  custom_item: {
    id: itemId,
    parent_id: itemId,
    title,
    tagline: customItemFields.tagline,
    description: customItemFields.description,
    activity_kinds: kindList,
    ...stamps,
  },
  activity: {
    date: draft.date,
    title: draft.title,
    url: draft.url,
    repo: draft.repo,
    hours: draft.hours,
    notes: draft.notes,
    impact: draft.impact,
    deleted_at: maybe(isoTimestamp),
    ...stamps,
  },
  activity_skill: { item_id: itemId },
  item_evidence: { item_id: itemId, url: maybe(httpUrl), note: evidence.note, created_at: isoTimestamp },
  report_export: { exported_at: isoTimestamp, period_from: isoDate, period_to: isoDate, options: jsonText, figures: jsonText },
  goal_activity_target: { kinds: kindList, skill_id: maybe(itemId), from_date: maybe(isoDate), to_date: maybe(isoDate) },
  weekly_review: { week_start: review.weekStart, shipped: review.shipped, learned: review.learned, next: review.next, ...stamps },
  reminder_fired: { key: reminderKey, title: z.string().min(1).max(400), body: longText, target: targetJson, fired_at: isoTimestamp, dismissed_at: maybe(isoTimestamp) },
}

/** The first rule a row breaks, or null when it keeps them all. */
export function rowProblem(table: string, row: ExportRow): { column: string; message: string } | null {
  const rules = rowRules[table]
  if (!rules) return null
  for (const [column, rule] of Object.entries(rules)) {
    if (!(column in row)) continue
    const checked = rule.safeParse(row[column] ?? null)
    if (!checked.success) return { column, message: checked.error.issues[0]?.message ?? 'Is not valid' }
  }
  return null
}

const text = (cell: ExportRow[string] | undefined): string | undefined => (typeof cell === 'string' ? cell : undefined)

/**
 * The rules that read two cells or two tables: a goal's target and its milestones' due dates
 * within 50 years of its start, as the forms hold them (a file's 2999 is the same typo as a
 * form's). Runs on rows each rule above has passed. The first broken one, in words, or null.
 */
export function reachProblem(data: Readonly<Record<string, readonly ExportRow[]>>): string | null {
  const starts = new Map<number, string>()
  for (const [index, goal] of (data.goal ?? []).entries()) {
    const startDate = text(goal.start_date)
    const targetDate = text(goal.target_date)
    if (!targetWithinReach({ startDate, targetDate })) return `Row ${index + 1} of "goal", "target_date" (${targetDate ?? ''}): ${targetTooFarMessage} (${startDate ?? ''})`
    if (typeof goal.id === 'number' && startDate !== undefined) starts.set(goal.id, startDate)
  }
  for (const [index, milestone] of (data.milestone ?? []).entries()) {
    const startDate = typeof milestone.goal_id === 'number' ? starts.get(milestone.goal_id) : undefined
    const dueDate = text(milestone.due_date)
    if (!dueWithinReach(startDate, dueDate)) return `Row ${index + 1} of "milestone", "due_date" (${dueDate ?? ''}): ${milestoneTooFarMessage} (${startDate ?? ''})`
  }
  return null
}
