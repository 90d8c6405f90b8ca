import type { RoadmapItem } from '@shared/domain/roadmap'
import { DomainError } from '../ipc/domainError'
import type { RoadmapRepository } from './roadmapRepository'

export const noSuchItem = (itemId: string): DomainError => new DomainError('not-found', `There is no roadmap item "${itemId}".`)

/** The item, seed or custom, or a not-found error naming the id the caller gave. */
export function requireItem(repo: RoadmapRepository, itemId: string): RoadmapItem {
  const item = repo.getItem(itemId)
  if (!item) throw noSuchItem(itemId)
  return item
}
