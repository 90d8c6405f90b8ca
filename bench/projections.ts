/**
 * What an operation's answer is compared on, ours against the baseline's: the figures and ids
 * a person sees, in the order they see them. Plain arrays, so a deep equality says it all.
 */

/** [id, done, in progress, not started, skipped, hidden] */
export type ProgressEntryProjection = [string, number, number, number, number, number]

export interface SummaryProjection {
  /** [done, in progress, not started, skipped, hidden] */
  overall: number[]
  stages: ProgressEntryProjection[]
  /** An entry and whether the track is chosen. */
  tracks: [...ProgressEntryProjection, boolean][]
  groups: ProgressEntryProjection[]
  chosen: string[]
  /** [goal id, days left, progress] */
  dueSoon: [number, number, number][]
  overdueGoals: [number, number, number][]
  /** [milestone id, days left, goal id] */
  dueSoonMilestones: [number, number, number][]
  /** [milestone id, days left, goal id] */
  overdueMilestones: [number, number, number][]
  /** [skill id, track id] */
  nextUp: [string, string][]
}

export interface ActivityPageProjection {
  total: number
  ids: number[]
  /** Skill ids of each row, in the order the row shows them. */
  skills: string[][]
}

/** [length, first day, last day] */
export type StreakProjection = [number, string | null, string | null]

export interface StatsProjection {
  days: [string, number][]
  max: number
  total: number
  months: [string, number][]
  /** current days, longest days, current weeks, longest weeks */
  streaks: StreakProjection[]
  /** [repository, count, last day] */
  top: [string, number, string][]
  /** [strategy id, total this year, merged PRs, repositories] */
  strategies: [string, number, number, number][]
}
