import { z } from 'zod'
import { channel } from './channel'
import { isoDate, noInput } from './fields'
import { isMonday, type WeeklyReview, type WeeklyReviewDraft } from '../domain/weeklyReview'

const answer = (what: string) => z.string({ error: `${what} is text` }).max(20_000, `Keep ${what.toLowerCase()} under 20,000 characters`)

export const weeklyReviewInput = z.strictObject({
  weekStart: isoDate.refine(isMonday, 'A week starts on a Monday'),
  shipped: answer('What you shipped'),
  learned: answer('What you learned'),
  next: answer('What you want next'),
})

export const weeklyReviewChannels = {
  /** The week holding `date` (today when absent): its saved entry, and what was logged and changed in it. */
  draft: channel<WeeklyReviewDraft>()(z.strictObject({ date: isoDate.optional() })),
  /** Saves the week's entry; the same week again updates it. */
  save: channel<WeeklyReview>()(weeklyReviewInput),
  /** Every saved review, the newest week first. */
  list: channel<WeeklyReview[]>()(noInput),
}
