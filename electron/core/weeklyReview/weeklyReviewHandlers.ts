import { contract } from '@shared/contract'
import { toIsoDate } from '@shared/domain/dates'
import { isoWeekLabel, weekEndOf, weekStartOf } from '@shared/domain/weeklyReview'
import type { CoreContext } from '../context'
import { handle, type CoreHandlers } from '../ipc/handle'
import { suggestedAnswers } from './suggestedAnswers'
import { createWeeklyReviewRepository } from './weeklyReviewRepository'

export function weeklyReviewHandlers(ctx: CoreContext): CoreHandlers['reviews'] {
  const c = contract.reviews
  const repo = createWeeklyReviewRepository(ctx.db)
  return {
    draft: handle(
      c.draft,
      ({ date }) => {
        const weekStart = weekStartOf(date ?? toIsoDate(ctx.now()))
        const activities = repo.activitiesOf(weekStart)
        const changes = repo.changesOf(weekStart)
        return { weekStart, weekEnd: weekEndOf(weekStart), isoWeek: isoWeekLabel(weekStart), entry: repo.get(weekStart), activities, changes, suggested: suggestedAnswers(activities, changes) }
      },
      ctx.log,
    ),
    save: handle(c.save, (entry) => repo.save(entry, ctx.now().toISOString()), ctx.log),
    list: handle(c.list, () => repo.list(), ctx.log),
  }
}
