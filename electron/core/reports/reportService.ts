import type { ReportOptions } from '@shared/contract/reports'
import type { ReportModel, ReportReviewSource } from '@shared/domain/report'
import type { CoreContext } from '../context'
import { asOfDay, buildReportModel } from './buildReportModel'
import type { ExportsRepository } from './exportsRepository'
import { dayIn, resolvePeriod } from './period'
import { createReportSources } from './reportSources'
import { resolveOptions } from './resolveOptions'

/**
 * Options in, model out: the one place a report reads the store and the clock. `reviews` is the
 * weekly review's seam: pass `(from, to) => listWeeklyReviews(ctx, from, to)` once that exists,
 * and the outcomes section quotes the period's entries.
 */
export function createReportService(
  { db, settings, now }: Pick<CoreContext, 'db' | 'settings' | 'now'>,
  exportsRepo: ExportsRepository,
  reviews: ReportReviewSource | null = null,
) {
  const sources = createReportSources(db, settings)
  return {
    model(options: ReportOptions): ReportModel {
      const resolved = resolveOptions(options)
      const at = now()
      const zone = resolved.timeZone
      const earliest = resolved.period.preset === 'all-time' ? sources.earliestDay(zone) : null
      const period = resolvePeriod(resolved.period, zone, at, earliest)
      const data = sources.load(period, asOfDay(period, dayIn(at, zone)))
      const previous = exportsRepo.previous({ template: resolved.template.id, from: period.from, to: period.to })
      return buildReportModel({ options: resolved, period, sources: data, previous, now: at, reviews: reviews?.(period.from, period.to) ?? [] })
    },
  }
}
