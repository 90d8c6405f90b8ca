import type { ActivityKind, SalaryRange } from './careerPath'

export const itemStatuses = ['not-started', 'in-progress', 'done', 'skipped'] as const
export type ItemStatus = (typeof itemStatuses)[number]

export const itemStatusLabels: Record<ItemStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
}

export type ItemKind = 'stage' | 'track' | 'skill' | 'strategy-group' | 'strategy'

export const itemKindLabels: Record<ItemKind, string> = {
  stage: 'stage',
  track: 'track',
  skill: 'skill',
  'strategy-group': 'strategy group',
  strategy: 'strategy',
}

/** Self-assessed skill levels, 0 to 5. */
export const skillLevels = [0, 1, 2, 3, 4, 5] as const
export type SkillLevel = (typeof skillLevels)[number]
export const skillLevelLabels: Record<SkillLevel, string> = {
  0: 'None',
  1: 'Aware',
  2: 'Beginner',
  3: 'Competent',
  4: 'Proficient',
  5: 'Expert',
}

/** What a user may add to the path, and under what: the same shape the path files have. */
export const customItemKinds = ['track', 'skill', 'strategy-group', 'strategy'] as const
export type CustomItemKind = (typeof customItemKinds)[number]
export const customItemParentKinds: Record<CustomItemKind, readonly ItemKind[]> = {
  track: ['stage'],
  skill: ['stage', 'track'],
  'strategy-group': ['stage'],
  strategy: ['strategy-group'],
}

/** Ids of user-made items start with this; path files may not use it (see careerPath.ts). */
export const customIdPrefix = 'custom.'

/** One node of the roadmap tree as the renderer sees it: content merged with the user's state. */
export interface RoadmapItem {
  id: string
  kind: ItemKind
  parentId: string | null
  position: number
  title: string
  tagline: string | null
  description: string | null
  durationMonths: number | null
  salary: SalaryRange | null
  /** Activity kinds that count toward a strategy. */
  activityKinds: string[]
  status: ItemStatus
  level: number | null
  /** When the status last changed (from the history), null if it never did. */
  statusChangedAt: string | null
  note: string | null
  /** Made by the user, not by a path file. Behaves like any other item. */
  custom: boolean
  hidden: boolean
}

export interface CareerPathSummary {
  id: string
  title: string
  version: string
  summary: string | null
}

export interface Roadmap {
  path: CareerPathSummary
  /** Items in path order; children follow their parent's position, custom items after seed ones. */
  items: RoadmapItem[]
  /** The specialization tracks the user aims for, in path order. Empty until they choose. */
  chosenTrackIds: string[]
}

/** What the item page shows of an activity attached as evidence. */
export interface EvidenceActivity {
  id: number
  title: string
  date: string
  kind: ActivityKind
  /** The activity's own link (a pull request, a post), if it has one. */
  url: string | null
}

/** A link or a logged activity that backs up a status or level (the app writes one of the two). */
export interface ItemEvidence {
  id: number
  itemId: string
  url: string | null
  activityId: number | null
  /** Set whenever activityId is. */
  activity: EvidenceActivity | null
  note: string | null
  createdAt: string
}

export interface ItemRef {
  id: string
  kind: ItemKind
  title: string
}

export interface RemovedItems {
  /** The item and every custom item that was under it. */
  removedIds: string[]
}

export interface StatusChange {
  id: number
  itemId: string
  field: 'status' | 'level'
  from: string | null
  to: string | null
  at: string
}
