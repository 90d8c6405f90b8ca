import { z } from 'zod'
import { channel } from './channel'
import { itemId, noInput } from './fields'
import { itemStatuses, type Roadmap, type RoadmapItem, type StatusChange, type CareerPathSummary } from '../domain/roadmap'

export const roadmapChannels = {
  /** The active career path with the user's state on every item. */
  get: channel<Roadmap>()(noInput),
  listPaths: channel<CareerPathSummary[]>()(noInput),
  setStatus: channel<RoadmapItem>()(
    z.strictObject({
      itemId,
      status: z.enum(itemStatuses, { error: 'Status must be one of: not started, in progress, done, skipped' }),
    }),
  ),
  history: channel<StatusChange[]>()(z.strictObject({ itemId })),
}
