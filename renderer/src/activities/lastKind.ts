import { activityKind } from '@shared/contract/activities'
import type { ActivityKind } from '@shared/domain/activities'

const storageKey = 'pathfinder.activity.lastKind'

/**
 * The kind of the activity logged last, so a person who logs pull requests all week is not
 * asked again each time. A preference of this screen, not data: it stays in the page's storage.
 */
export function lastKind(fallback: ActivityKind): ActivityKind {
  const parsed = activityKind.safeParse(localStorage.getItem(storageKey))
  return parsed.success ? parsed.data : fallback
}

export function rememberKind(kind: ActivityKind): void {
  localStorage.setItem(storageKey, kind)
}
