import { z } from 'zod'
import { channel } from './channel'
import { httpUrl, isoDate, itemId, longText, noInput, title } from './fields'
import { activityKindSchema } from '../domain/careerPath'
import {
  activitySorts,
  activityStates,
  type Activity,
  type ActivityPage,
  type ActivityStats,
  type RemovedActivity,
  type RepositoryCount,
} from '../domain/activities'

/** An empty text box means "none": '', whitespace and null all become null. */
function blankable<Out>(schema: z.ZodType<Out, string>, what: string) {
  return z
    .string({ error: `${what} must be text` })
    .transform((value) => (value.trim() === '' ? null : value))
    .pipe(schema.nullable())
    .nullable()
}

export const activityKind = z.enum(activityKindSchema.options, {
  error: `Kind must be one of: ${activityKindSchema.options.join(', ')}`,
})
export const activityState = z.enum(activityStates, { error: 'State must be open, merged or closed' })
export const activityId = z
  .number({ error: 'An activity id is required' })
  .int('An activity id is a whole number')
  .positive('An activity id is a positive number')
export const goalId = z.number({ error: 'A goal id is a number' }).int('A goal id is a whole number').positive('A goal id is a positive number')

const repo = z
  .string({ error: 'A repository is text like owner/name' })
  .trim()
  .max(200, 'Keep the repository or project name under 200 characters')
  .refine((value) => !/[\r\n\t]/.test(value), 'A repository name fits on one line')
const hours = z
  .number({ error: 'Hours must be a number' })
  .min(0, 'Hours cannot be negative')
  .max(10_000, 'That is more hours than one activity can take')
const skillIds = z.array(itemId, { error: 'Skills are a list of skill ids' }).max(50, 'Tag at most 50 skills')
/** One line, short enough to quote in a report's bullet. */
const impact = z
  .string({ error: 'The impact is text' })
  .trim()
  .max(280, 'Keep the impact to one line under 280 characters')
  .refine((value) => !/[\r\n]/.test(value), 'The impact fits on one line')
const searchText = z.string().max(200, 'Keep the search under 200 characters')

const editable = {
  kind: activityKind,
  date: isoDate,
  title,
  url: blankable(httpUrl, 'The link').optional(),
  repo: blankable(repo, 'The repository').optional(),
  state: z
    .union([z.literal('').transform(() => null), activityState], { error: 'State must be open, merged or closed' })
    .nullable()
    .optional(),
  hours: hours.nullable().optional(),
  notes: blankable(longText, 'Notes').optional(),
  impact: blankable(impact, 'The impact').optional(),
  starred: z.boolean({ error: 'Starred is true or false' }).optional(),
  goalId: goalId.nullable().optional(),
  skillIds: skillIds.optional(),
}

export const activityDraft = z.strictObject(editable)

export const activityChanges = z.strictObject({
  id: activityId,
  kind: editable.kind.optional(),
  date: editable.date.optional(),
  title: editable.title.optional(),
  url: editable.url,
  repo: editable.repo,
  state: editable.state,
  hours: editable.hours,
  notes: editable.notes,
  impact: editable.impact,
  starred: editable.starred,
  goalId: editable.goalId,
  skillIds: editable.skillIds,
})

/** Filters shared by the list, its CSV export and the goal counters. */
export const activityFilter = z.strictObject({
  kinds: z.array(activityKind).max(20, 'Pick at most 20 kinds').optional(),
  repo: repo.optional(),
  skillId: itemId.optional(),
  goalId: goalId.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** 'none' finds activities that have no state. */
  state: z.enum([...activityStates, 'none'], { error: 'State must be open, merged, closed or none' }).optional(),
  search: searchText.optional(),
})

export const activityListInput = activityFilter
  .extend({
    sort: z.enum(activitySorts, { error: 'Sort by date-desc, date-asc or title' }).default('date-desc'),
    limit: z.number().int('The page size is a whole number').min(1, 'Ask for at least one row').max(500, 'Ask for at most 500 rows at a time').default(100),
    /** Rows to skip: for jumping into the middle of a long list. */
    offset: z.number().int().min(0, 'The offset cannot be negative').max(10_000_000).optional(),
    /** From a previous page's nextCursor: the fast way to read on. */
    cursor: z.string().max(1000, 'That page cursor is not one this app made').optional(),
  })
  .refine((input) => input.offset === undefined || input.cursor === undefined, 'Give an offset or a cursor, not both')
  .refine((input) => !input.from || !input.to || input.from <= input.to, { message: 'The start date must not be after the end date', path: ['from'] })

export type ActivityFilter = z.output<typeof activityFilter>
export type ActivityListInput = z.output<typeof activityListInput>
export type ActivityDraft = z.output<typeof activityDraft>
export type ActivityChanges = z.output<typeof activityChanges>

export const activitiesChannels = {
  /** One page of activities matching the filter, with the total count. */
  list: channel<ActivityPage>()(activityListInput),
  get: channel<Activity>()(z.strictObject({ id: activityId })),
  create: channel<Activity>()(activityDraft),
  /** Changes only the fields given; null (or '') clears an optional field. */
  update: channel<Activity>()(activityChanges),
  /** A new manual activity with the same fields, optionally on another day. */
  duplicate: channel<Activity>()(z.strictObject({ id: activityId, date: isoDate.optional() })),
  /** Moves to the bin; `restore` brings it back until the app is closed. */
  remove: channel<RemovedActivity>()(z.strictObject({ id: activityId })),
  restore: channel<Activity>()(z.strictObject({ id: activityId })),
  stats: channel<ActivityStats>()(noInput),
  /** Distinct repositories and projects, for the filter dropdown. */
  repos: channel<RepositoryCount[]>()(noInput),
}
