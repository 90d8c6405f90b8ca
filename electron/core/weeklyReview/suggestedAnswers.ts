import type { WeekActivity, WeekPlanChange, WeeklyReviewDraft } from '@shared/domain/weeklyReview'

/** A week of hundreds of imported commits would bury the answer: the first ones, then a count. */
const maxLines = 40

function bullets(lines: string[]): string {
  const shown = lines.slice(0, maxLines).map((line) => `- ${line}`)
  if (lines.length > maxLines) shown.push(`- …and ${lines.length - maxLines} more`)
  return shown.join('\n')
}

/**
 * The answers a review starts from before anything is saved: what was logged and finished under
 * "shipped", what moved on the roadmap under "learned". The person edits from there.
 */
export function suggestedAnswers(activities: readonly WeekActivity[], changes: readonly WeekPlanChange[]): WeeklyReviewDraft['suggested'] {
  const shipped = [
    ...activities.map((a) => (a.impact ? `${a.title} — ${a.impact}` : a.title)),
    ...changes.filter((c) => c.kind === 'goal-done' || c.kind === 'milestone-done').map((c) => c.text),
  ]
  const learned = changes.filter((c) => c.kind === 'status' || c.kind === 'level').map((c) => c.text)
  return { shipped: bullets(shipped), learned: bullets(learned), next: '' }
}
