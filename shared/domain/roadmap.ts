import type { SalaryRange } from './careerPath'

export const itemStatuses = ['not-started', 'in-progress', 'done', 'skipped'] as const
export type ItemStatus = (typeof itemStatuses)[number]

export const itemStatusLabels: Record<ItemStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
}

export type ItemKind = 'stage' | 'track' | 'skill' | 'strategy-group' | 'strategy'

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
  statusChangedAt: string | null
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
  /** Items in path order; children follow their parent's position. */
  items: RoadmapItem[]
}

export interface StatusChange {
  id: number
  itemId: string
  field: 'status' | 'level'
  from: string | null
  to: string | null
  at: string
}
