import { channel } from './channel'
import { noInput } from './fields'
import type { ProgressSummary } from '../domain/progress'

export const progressChannels = {
  /** The dashboard: progress by stage, track and strategy group, deadlines, what to do next. */
  summary: channel<ProgressSummary>()(noInput),
}
