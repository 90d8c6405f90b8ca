import type { ReportActivity, ReportOutcomes, ReportReviewEntry, ReportSkills } from '@shared/domain/report'

const newestFirst = (a: ReportActivity, b: ReportActivity): number => b.date.localeCompare(a.date) || b.id - a.id

/**
 * What a reader who weighs outcomes reads first: the work the person starred (the top ones, up
 * to the template's limit), the impact lines, the skills gained, certifications and talks, and
 * the weekly-review entries when the review feature supplies them. When nothing is starred the
 * pick falls back to work that shows an outcome by itself: an impact line or a merged PR.
 */
export function buildOutcomes(
  activities: readonly ReportActivity[],
  skills: ReportSkills,
  limit: number,
  reviews: readonly ReportReviewEntry[],
): ReportOutcomes {
  const sorted = [...activities].sort(newestFirst)
  const starred = sorted.filter((a) => a.starred)
  const fallback = sorted.filter((a) => a.impact !== null || (a.kind === 'pull-request' && a.state === 'merged'))
  // Impact lines first among the fallback: they say why the work mattered.
  fallback.sort((a, b) => Number(b.impact !== null) - Number(a.impact !== null) || newestFirst(a, b))
  const fromStars = starred.length > 0
  const selected = (fromStars ? starred : fallback).slice(0, limit).map((a) => a.id)
  const shown = new Set(selected)
  return {
    selected,
    fromStars,
    impact: sorted.filter((a) => a.impact !== null && !shown.has(a.id)).map((a) => a.id),
    skillsGained: skills.rows
      .filter((s) => s.change > 0 && s.levelEnd !== null)
      .sort((a, b) => b.change - a.change)
      .map((s) => ({ id: s.id, title: s.title, levelStart: s.levelStart, levelEnd: s.levelEnd ?? 0 })),
    certifications: sorted.filter((a) => a.kind === 'certification').map((a) => a.id),
    talks: sorted.filter((a) => a.kind === 'talk').map((a) => a.id),
    reviews: [...reviews],
  }
}
