import { z } from 'zod'
import { activityFilter, activityState } from './activities'
import { channel } from './channel'
import { isoDate, itemId, longText, title } from './fields'
import { kindsWithState } from '../domain/activities'
import { goalPriorities, goalStatuses, type Goal } from '../domain/goals'

const wholeId = (what: string) =>
  z.number({ error: `A ${what} id is required` }).int(`A ${what} id is a whole number`).positive(`A ${what} id is a positive number`)

export const goalId = wholeId('goal')
export const milestoneId = wholeId('milestone')

export const goalPriority = z.enum(goalPriorities, { error: 'Priority must be low, medium or high' })
export const goalStatus = z.enum(goalStatuses, { error: 'Status must be one of: active, paused, done, dropped' })

const progressMessage = 'Manual progress must be a whole number from 0 to 100'
export const manualProgress = z.number({ error: progressMessage }).int(progressMessage).min(0, progressMessage).max(100, progressMessage)

export const goalItemIds = z
  .array(itemId, { error: 'Linked items must be a list of item ids' })
  .max(100, 'Link at most 100 items')
  .refine((ids) => new Set(ids).size === ids.length, 'An item is linked twice')

export const targetDateMessage = 'The target date must be on or after the start date'
/** Shared with the renderer's form, so both sides say the same thing. */
export const datesInOrder = (v: { startDate?: string | undefined; targetDate?: string | null | undefined }): boolean =>
  !v.startDate || !v.targetDate || v.targetDate >= v.startDate

/** Further than this is a typo (2999 for 2029), and would stretch the timeline over centuries. */
export const maxTargetYears = 50
export const targetTooFarMessage = `A target date must be within ${maxTargetYears} years of the start date`
/** The same day `years` later, as ISO text (a 29 February start stays comparable as text). */
export const yearsAfter = (date: string, years: number): string => `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`
/** Shared with the core, which checks a patch against the stored start date. */
export const targetWithinReach = (v: { startDate?: string | undefined; targetDate?: string | null | undefined }): boolean =>
  !v.startDate || !v.targetDate || v.targetDate <= yearsAfter(v.startDate, maxTargetYears)

export const milestoneTooFarMessage = `A milestone must be due within ${maxTargetYears} years of the goal's start date`
/** The goal's rule for its steps too: a milestone in 2999 is the same typo as a target there. */
export const dueWithinReach = (startDate: string | undefined, dueDate: string | null | undefined): boolean =>
  !startDate || !dueDate || dueDate <= yearsAfter(startDate, maxTargetYears)

/** Each milestone due too far after the start date, at the path a form shows it. */
function milestonesWithinReach(v: { startDate?: string | undefined; milestones?: readonly { dueDate?: string | null | undefined }[] | undefined }, ctx: z.RefinementCtx): void {
  v.milestones?.forEach((m, index) => {
    if (!dueWithinReach(v.startDate, m.dueDate)) ctx.addIssue({ code: 'custom', message: milestoneTooFarMessage, path: ['milestones', index, 'dueDate'] })
  })
}

export const milestoneDraft = z.strictObject({
  title,
  dueDate: isoDate.nullable().optional(),
})

/** A milestone as a goal form holds it: ticked or not, and with its id once it is stored. */
const formMilestone = z.strictObject({ ...milestoneDraft.shape, done: z.boolean({ error: 'Done must be true or false' }).default(false) })
const milestoneEdit = z.strictObject({ id: milestoneId.optional(), ...formMilestone.shape })

const description = longText.trim().nullable().optional()

export const targetCountMessage = 'The target count must be a whole number from 1 to 100,000'
export const targetRangeMessage = 'The counted dates must run up to a day on or after their start'
const filter = activityFilter.shape

/**
 * What an activity-driven goal counts: a subset of the activity list's filter. Left-out dates
 * follow the goal's; a state needs kinds that have one (only a pull request is ever merged).
 */
export const activityTarget = z
  .strictObject({
    count: z.number({ error: targetCountMessage }).int(targetCountMessage).min(1, targetCountMessage).max(100_000, targetCountMessage),
    kinds: filter.kinds,
    state: activityState.nullable().optional(),
    repo: filter.repo.nullable(),
    skillId: filter.skillId.nullable(),
    from: filter.from.nullable(),
    to: filter.to.nullable(),
  }, { error: (issue) => (issue.code === 'invalid_type' ? 'The activity target must be an object with a count' : undefined) })
  .superRefine((target, ctx) => {
    if (target.from && target.to && target.to < target.from) ctx.addIssue({ code: 'custom', message: targetRangeMessage, path: ['to'] })
    if (!target.state) return
    const kinds = target.kinds ?? []
    if (kinds.length === 0 || kinds.some((k) => !kindsWithState.includes(k))) {
      ctx.addIssue({ code: 'custom', message: 'Only pull requests and issues have a state: pick those kinds to count by state', path: ['state'] })
    } else if (target.state === 'merged' && kinds.some((k) => k !== 'pull-request')) {
      ctx.addIssue({ code: 'custom', message: 'The merged state is for pull requests only', path: ['state'] })
    }
  })
export type ActivityTargetInput = z.output<typeof activityTarget>

export const goalDraft = z
  .strictObject({
    title,
    description,
    /** Today when left out. */
    startDate: isoDate.optional(),
    targetDate: isoDate.nullable().optional(),
    priority: goalPriority.default('medium'),
    status: goalStatus.default('active'),
    manualProgress: manualProgress.default(0),
    itemIds: goalItemIds.default([]),
    milestones: z.array(formMilestone, { error: 'Milestones must be a list' }).max(100, 'Keep it to 100 milestones').default([]),
    /** Progress from matching activities instead of milestones or the manual percentage. */
    activityTarget: activityTarget.nullable().optional(),
  })
  .refine(datesInOrder, { message: targetDateMessage, path: ['targetDate'] })
  .refine(targetWithinReach, { message: targetTooFarMessage, path: ['targetDate'] })
  .superRefine(milestonesWithinReach)

export const goalPatch = z
  .strictObject({
    goalId,
    title: title.optional(),
    description,
    startDate: isoDate.optional(),
    targetDate: isoDate.nullable().optional(),
    priority: goalPriority.optional(),
    status: goalStatus.optional(),
    manualProgress: manualProgress.optional(),
    /** Replaces the links when given. */
    itemIds: goalItemIds.optional(),
    /** Replaces the target when given; null stops counting activities. */
    activityTarget: activityTarget.nullable().optional(),
    /**
     * Replaces the milestones when given, in the order listed, in the same transaction as the
     * rest: an id keeps that milestone (and the day it was done), no id adds one, and the
     * goal's milestones left out are removed. So a form saves all of its changes or none.
     */
    milestones: z
      .array(milestoneEdit, { error: 'Milestones must be a list' })
      .max(100, 'Keep it to 100 milestones')
      .refine((list) => {
        const ids = list.flatMap((m) => (m.id === undefined ? [] : [m.id]))
        return new Set(ids).size === ids.length
      }, 'List each milestone once')
      .optional(),
  })
  .refine(datesInOrder, { message: targetDateMessage, path: ['targetDate'] })
  .refine(targetWithinReach, { message: targetTooFarMessage, path: ['targetDate'] })
  .superRefine(milestonesWithinReach)

export const goalsChannels = {
  /** Open goals first by target date; archived ones only when asked for. */
  list: channel<Goal[]>()(
    z
      .strictObject({
        status: z.array(goalStatus, { error: 'Status filter must be a list' }).optional(),
        archived: z.enum(['exclude', 'include', 'only'], { error: 'Archived must be one of: exclude, include, only' }).default('exclude'),
        /** Only goals linking this item. */
        itemId: itemId.optional(),
      })
      .prefault({}),
  ),
  get: channel<Goal>()(z.strictObject({ goalId })),
  create: channel<Goal>()(goalDraft),
  update: channel<Goal>()(goalPatch),
  /** Out of every list and count until restored; nothing is lost. */
  archive: channel<Goal>()(z.strictObject({ goalId })),
  restore: channel<Goal>()(z.strictObject({ goalId })),
  /** Deletes for good, milestones and links with it; answers the goal as it was. */
  remove: channel<Goal>()(z.strictObject({ goalId })),
  addMilestone: channel<Goal>()(z.strictObject({ goalId, ...milestoneDraft.shape })),
  updateMilestone: channel<Goal>()(
    z.strictObject({ milestoneId, title: title.optional(), dueDate: isoDate.nullable().optional() }),
  ),
  /** Sets done when given, flips it otherwise. */
  toggleMilestone: channel<Goal>()(z.strictObject({ milestoneId, done: z.boolean({ error: 'Done must be true or false' }).optional() })),
  removeMilestone: channel<Goal>()(z.strictObject({ milestoneId })),
  /** milestoneIds: every milestone of the goal, once, in the new order. */
  reorderMilestones: channel<Goal>()(
    z.strictObject({ goalId, milestoneIds: z.array(milestoneId, { error: 'Milestone ids must be a list' }).max(100, 'Keep it to 100 milestones') }),
  ),
}
