import { channel } from './channel'
import { noInput } from './fields'
import type { ProgressSummary } from '../domain/progress'

export const progressChannels = {
  /**
   * The dashboard in one call: progress by stage, track and strategy group, deadlines, active
   * goals, what to do next. Goals come as the rows show them, never whole (see GoalGlance).
   */
  summary: channel<ProgressSummary>()(noInput),
}
