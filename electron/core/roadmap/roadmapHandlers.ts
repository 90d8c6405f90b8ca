import { contract } from '@shared/contract'
import type { CoreContext } from '../context'
import { DomainError } from '../ipc/domainError'
import { handle } from '../ipc/handle'
import type { CoreHandlers } from '../handlers'
import { createRoadmapRepository } from './roadmapRepository'

export const activePathKey = 'roadmap.activePathId'

export function roadmapHandlers({ db, settings, now, log }: CoreContext): CoreHandlers['roadmap'] {
  const repo = createRoadmapRepository(db)
  const c = contract.roadmap

  const activePath = () => {
    const paths = repo.listPaths()
    const chosen = settings.get(activePathKey)
    const path = paths.find((p) => p.id === chosen) ?? paths.find((p) => p.id === 'backend-developer') ?? paths[0]
    if (!path) throw new DomainError('unavailable', 'No career path is installed. Reinstall the app to restore its content.')
    return path
  }
  const requireItem = (itemId: string) => {
    const item = repo.getItem(itemId)
    if (!item) throw new DomainError('not-found', `There is no roadmap item "${itemId}".`)
    return item
  }

  return {
    get: handle(c.get, () => {
      const path = activePath()
      return { path, items: repo.listItems(path.id) }
    }, log),
    listPaths: handle(c.listPaths, () => repo.listPaths(), log),
    setStatus: handle(c.setStatus, ({ itemId, status }) => {
      requireItem(itemId)
      repo.setStatus(itemId, status, now())
      return requireItem(itemId)
    }, log),
    history: handle(c.history, ({ itemId }) => {
      requireItem(itemId)
      return repo.history(itemId)
    }, log),
  }
}
