import { z } from 'zod'
import { activityId } from './activities'
import { channel } from './channel'
import { httpUrl, itemId, longText, noInput, title } from './fields'
import { activityKindSchema } from '../domain/careerPath'
import {
  customItemKinds,
  itemStatuses,
  type CareerPathSummary,
  type ItemEvidence,
  type RemovedItems,
  type Roadmap,
  type RoadmapItem,
  type StatusChange,
} from '../domain/roadmap'
import type { RoadmapItemDetail } from '../domain/itemDetail'

const levelMessage = 'The level must be a whole number from 0 to 5'
export const skillLevel = z.number({ error: levelMessage }).int(levelMessage).min(0, levelMessage).max(5, levelMessage)

const optionalText = (max: number, message: string) => z.string().trim().max(max, message).nullable().optional()

export const customItemFields = {
  title,
  description: optionalText(20_000, 'Keep the description under 20,000 characters'),
  tagline: optionalText(200, 'Keep the tagline under 200 characters'),
  activityKinds: z.array(activityKindSchema, { error: 'Activity kinds must be a list' }).max(20, 'Pick at most 20 activity kinds').optional(),
}

export const evidenceMessages = {
  neither: 'Add a link or pick one of your activities',
  both: 'Evidence is a link or an activity, not both: add them one at a time',
} as const

export const evidenceDraft = z
  .strictObject({
    itemId,
    url: httpUrl.optional(),
    activityId: activityId.optional(),
    note: z.string().trim().max(500, 'Keep the note under 500 characters').nullable().optional(),
  })
  .superRefine((draft, ctx) => {
    if (draft.url === undefined && draft.activityId === undefined) ctx.addIssue({ code: 'custom', message: evidenceMessages.neither, path: [] })
    if (draft.url !== undefined && draft.activityId !== undefined) ctx.addIssue({ code: 'custom', message: evidenceMessages.both, path: [] })
  })

export const roadmapChannels = {
  /** The active career path with the user's state on every item, custom items included. */
  get: channel<Roadmap>()(noInput),
  listPaths: channel<CareerPathSummary[]>()(noInput),
  setStatus: channel<RoadmapItem>()(
    z.strictObject({
      itemId,
      status: z.enum(itemStatuses, { error: 'Status must be one of: not started, in progress, done, skipped' }),
    }),
  ),
  /** A skill's self-assessed level, 0-5, or null to clear it. Every change is kept in the history. */
  setLevel: channel<RoadmapItem>()(z.strictObject({ itemId, level: skillLevel.nullable() })),
  /** A blank note clears it. */
  setNote: channel<RoadmapItem>()(z.strictObject({ itemId, note: longText.nullable() })),
  /** Hidden items stay listed (flagged) and leave every progress count. */
  setHidden: channel<RoadmapItem>()(z.strictObject({ itemId, hidden: z.boolean({ error: 'Hidden must be true or false' }) })),
  history: channel<StatusChange[]>()(z.strictObject({ itemId })),
  /** One item with everything its page shows: history, evidence, goals, place in the path. */
  item: channel<RoadmapItemDetail>()(z.strictObject({ itemId })),
  /** A link or one of the user's logged activities, never both. */
  addEvidence: channel<ItemEvidence>()(evidenceDraft),
  /** Answers the removed evidence, so the view can offer to put it back. */
  removeEvidence: channel<ItemEvidence>()(
    z.strictObject({ evidenceId: z.number({ error: 'An evidence id is required' }).int('Evidence ids are whole numbers').positive('Evidence ids are positive') }),
  ),
  /** Replaces the chosen specialization tracks of the active path; answers them in path order. */
  chooseTracks: channel<string[]>()(
    z.strictObject({ trackIds: z.array(itemId, { error: 'Track ids must be a list' }).max(50, 'Choose at most 50 tracks') }),
  ),
  addCustomItem: channel<RoadmapItem>()(
    z.strictObject({
      parentId: itemId,
      kind: z.enum(customItemKinds, { error: 'Kind must be one of: track, skill, strategy group, strategy' }),
      ...customItemFields,
    }),
  ),
  /** Only custom items can be edited; moving one needs a parent that can hold its kind. */
  updateCustomItem: channel<RoadmapItem>()(
    z.strictObject({ itemId, parentId: itemId.optional(), ...customItemFields, title: title.optional() }),
  ),
  /** Removes a custom item, the custom items under it, and their statuses, evidence and goal links. */
  removeCustomItem: channel<RemovedItems>()(z.strictObject({ itemId })),
}
