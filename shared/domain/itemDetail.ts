import type { GoalStatus } from './goals'
import type { ItemEvidence, ItemRef, RoadmapItem, StatusChange } from './roadmap'

// The item page's view model sits above both roadmap and goals, so neither imports the other.
/** Everything the item page shows. */
export interface RoadmapItemDetail {
  item: RoadmapItem
  /** From the stage down to the item's parent. */
  ancestors: ItemRef[]
  children: RoadmapItem[]
  /** Newest first. */
  history: StatusChange[]
  /** Newest first. Activities in the bin are left out until they are restored. */
  evidence: ItemEvidence[]
  /** Goals that link this item, archived ones included. */
  goals: { id: number; title: string; status: GoalStatus; archived: boolean }[]
}
