import { contract } from '@shared/contract'
import { toIsoDate } from '@shared/domain/dates'
import type { CoreContext } from '../context'
import { createGoalsRepository } from '../goals/goalsRepository'
import type { CoreHandlers } from '../handlers'
import { handle } from '../ipc/handle'
import { activePath } from '../roadmap/activePath'
import { readChosenTracks } from '../roadmap/chosenTracks'
import { createRoadmapRepository } from '../roadmap/roadmapRepository'
import { buildProgressSummary } from './buildProgressSummary'

export function progressHandlers({ db, settings, now, log }: CoreContext): CoreHandlers['progress'] {
  const roadmap = createRoadmapRepository(db)
  const goals = createGoalsRepository(db)
  return {
    summary: handle(contract.progress.summary, () => {
      const today = toIsoDate(now())
      const path = activePath(roadmap, settings)
      const items = roadmap.listItems(path.id)
      return buildProgressSummary({
        path,
        items,
        chosenTrackIds: readChosenTracks(settings, path.id, items),
        goals: goals.list({ archived: 'exclude' }, today),
        today,
      })
    }, log),
  }
}
