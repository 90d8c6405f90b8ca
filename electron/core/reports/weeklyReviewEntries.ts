import type { ReportReviewSource } from '@shared/domain/report'
import type { CoreContext } from '../context'
import { listWeeklyReviews } from '../weeklyReview/listWeeklyReviews'

const answers = [
  ['Shipped', 'shipped'],
  ['Learned', 'learned'],
  ['Next', 'next'],
] as const

/** The period's weekly reviews as a report quotes them: each week's answers in one line, weeks left blank left out. */
export const weeklyReviewEntries =
  (ctx: Pick<CoreContext, 'db'>): ReportReviewSource =>
  (fromIso, toIso) =>
    listWeeklyReviews(ctx, fromIso, toIso).flatMap((review) => {
      const text = answers
        .filter(([, field]) => review[field].trim() !== '')
        .map(([label, field]) => `${label}: ${review[field].trim()}`)
        .join(' — ')
      return text === '' ? [] : [{ weekOf: review.weekStart, text }]
    })
