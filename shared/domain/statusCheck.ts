import type { Progress } from './progress'
import { itemStatusLabels, type ItemStatus, type RoadmapItem } from './roadmap'

/**
 * What a stage, track or group's own status should be, from the items counted under it: done
 * when all are, in progress once any has begun, not started before. Null when nothing is
 * counted (everything skipped or hidden), so there is nothing to suggest.
 */
export function suggestedStatus(progress: Progress): ItemStatus | null {
  if (progress.counted === 0) return null
  if (progress.done === progress.counted) return 'done'
  return progress.done + progress.inProgress > 0 ? 'in-progress' : 'not-started'
}

export interface StatusContradiction {
  /** What is wrong, in words. */
  message: string
  /** The status the children point to, when one would resolve it. */
  suggestion: ItemStatus | null
}

/**
 * A status that says something the rest of the roadmap does not: a container "not started"
 * whose items are half done, one "done" with items still open, a skill "done" at level 0.
 * Skipped is a choice, never a contradiction.
 */
export function statusContradiction(item: Pick<RoadmapItem, 'kind' | 'status' | 'level'>, progress: Progress): StatusContradiction | null {
  if (item.status === 'skipped') return null
  if (item.kind === 'skill') {
    return item.status === 'done' && item.level === 0 ? { message: 'Done, but at level 0 (None): is the level or the status right?', suggestion: null } : null
  }
  if (item.kind === 'strategy') return null
  const suggestion = suggestedStatus(progress)
  if (suggestion === null || suggestion === item.status) return null
  const started = progress.done + progress.inProgress
  if (item.status === 'not-started') return { message: `Marked not started, but ${started} of ${progress.counted} items under it have begun.`, suggestion }
  if (item.status === 'done') return { message: `Marked done, but ${progress.counted - progress.done} of ${progress.counted} items under it are not.`, suggestion }
  // In progress with none begun is only early days; with every item done it is worth a word.
  return suggestion === 'done' ? { message: `Marked ${itemStatusLabels[item.status].toLowerCase()}, but every item under it is done.`, suggestion } : null
}
