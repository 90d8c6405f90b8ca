import { activityKindLabels, activityKindSchema, kindsWithState, type ActivityKind, type ActivityState } from '@shared/domain/activities'
import type { RoadmapItem } from '@shared/domain/roadmap'

export const allKinds: readonly ActivityKind[] = activityKindSchema.options

const isKind = (value: string): value is ActivityKind => activityKindSchema.safeParse(value).success

/** Kinds grouped by the path's strategies, so the log speaks the roadmap's language. */
export interface KindGroup {
  /** The strategy id, or 'other' for kinds no strategy claims. */
  id: string
  title: string
  kinds: ActivityKind[]
}

/**
 * Strategy groups from the roadmap (content, not code: another path brings its own), in path
 * order; a kind claimed by two strategies shows under the first. Hidden strategies still
 * count: hiding plans away from the roadmap, not from the log.
 */
export function kindGroups(items: readonly RoadmapItem[]): KindGroup[] {
  const claimed = new Set<ActivityKind>()
  const groups: KindGroup[] = []
  for (const item of items) {
    if (item.kind !== 'strategy') continue
    const kinds = item.activityKinds.filter(isKind).filter((k) => !claimed.has(k))
    if (kinds.length === 0) continue
    kinds.forEach((k) => claimed.add(k))
    groups.push({ id: item.id, title: item.title, kinds })
  }
  const rest = allKinds.filter((k) => !claimed.has(k))
  if (rest.length > 0) groups.push({ id: 'other', title: groups.length ? 'Other work' : 'All kinds', kinds: rest })
  return groups
}

export const kindLabel = (kind: ActivityKind): string => activityKindLabels[kind].one
export const hasState = (kind: ActivityKind): boolean => kindsWithState.includes(kind)
/** The states a kind can take: only a pull request is ever merged. */
export const statesFor = (kind: ActivityKind): ActivityState[] => (kind === 'pull-request' ? ['open', 'merged', 'closed'] : hasState(kind) ? ['open', 'closed'] : [])

/** Stroke icons (24×24, round caps, width 2), one per kind. */
export const kindIcons: Record<ActivityKind, string> = {
  'pull-request': 'M9 6a3 3 0 1 1-6 0a3 3 0 0 1 6 0M9 18a3 3 0 1 1-6 0a3 3 0 0 1 6 0M21 18a3 3 0 1 1-6 0a3 3 0 0 1 6 0M6 9v6M18 15V9a3 3 0 0 0-3-3h-3M14 4l-2 2l2 2',
  issue: 'M21 12a9 9 0 1 1-18 0a9 9 0 0 1 18 0M13 12a1 1 0 1 1-2 0a1 1 0 0 1 2 0',
  'code-review': 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2zM8 10l2 2l4-4',
  docs: 'M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9zM14 3v6h6M8 13h8M8 17h5',
  release: 'M20.6 13.4l-7.2 7.2a2 2 0 0 1-2.8 0L3 13V3h10l7.6 7.6a2 2 0 0 1 0 2.8M7.5 7.5h.01',
  commits: 'M16 12a4 4 0 1 1-8 0a4 4 0 0 1 8 0M2 12h6M16 12h6',
  certification: 'M18 8a6 6 0 1 1-12 0a6 6 0 0 1 12 0M8.2 13.1L7 22l5-3l5 3l-1.2-8.9',
  meetup: 'M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2M13 7a4 4 0 1 1-8 0a4 4 0 0 1 8 0M22 21v-2a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8',
  talk: 'M12 2a3 3 0 0 0-3 3v7a3 3 0 0 0 6 0V5a3 3 0 0 0-3-3M19 10v2a7 7 0 0 1-14 0v-2M12 19v3',
  'forum-answer': 'M21 11.5a8.4 8.4 0 0 1-12.3 7.5L3 21l1.9-5.7A8.4 8.4 0 1 1 21 11.5',
  'blog-post': 'M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1l1-4z',
  'portfolio-project': 'M4 7h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2M16 7V5a2 2 0 0 0-2-2h-4a2 2 0 0 0-2 2v2',
  learning: 'M2 4h6a4 4 0 0 1 4 4v13a3 3 0 0 0-3-3H2zM22 4h-6a4 4 0 0 0-4 4v13a3 3 0 0 1 3-3h7z',
}

/** Kinds of open-source work: the ones that get the accent colour in the list. */
export const openSourceKinds: readonly ActivityKind[] = ['pull-request', 'issue', 'code-review', 'docs', 'release', 'commits']
