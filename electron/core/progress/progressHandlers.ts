import { contract } from '@shared/contract'
import { toIsoDate } from '@shared/domain/dates'
import type { GoalStatus } from '@shared/domain/goals'
import type { CoreContext } from '../context'
import { createGoalsRepository } from '../goals/goalsRepository'
import { handle, type CoreHandlers } from '../ipc/handle'
import { activePath } from '../roadmap/activePath'
import { readChosenTracks } from '../roadmap/chosenTracks'
import { createRoadmapRepository } from '../roadmap/roadmapRepository'
import { buildProgressSummary } from './buildProgressSummary'

/** What isOpenGoal counts as open (with archived_at null). */
const openGoalStatuses: readonly GoalStatus[] = ['active', 'paused']

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
        // Only open goals can be due or overdue: done and dropped ones are not even loaded.
        goals: goals.list({ archived: 'exclude', status: openGoalStatuses }, today),
        today,
      })
    }, log),
  }
}
