import type { IsoDate } from '@shared/domain/dates'
import type { WeeklyReview } from '@shared/domain/weeklyReview'
import type { CoreContext } from '../context'
import { createWeeklyReviewRepository } from './weeklyReviewRepository'

/**
 * The saved weekly reviews of every week that overlaps `fromIso`..`toIso` (calendar dates, both
 * included), oldest first: what a report on that period quotes.
 */
export const listWeeklyReviews = (ctx: Pick<CoreContext, 'db'>, fromIso: IsoDate, toIso: IsoDate): WeeklyReview[] => createWeeklyReviewRepository(ctx.db).between(fromIso, toIso)
