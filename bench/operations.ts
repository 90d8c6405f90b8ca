/**
 * The operations the benchmark times, each as the app makes it (a contract call on the core's
 * dispatcher) and, for the queries, beside the baseline that answers the same with one SQL
 * statement. The unit test runs every one once on a small data set and checks both agree.
 */
import { addDays, format, startOfMonth, startOfYear, subMonths, subYears } from 'date-fns'
import { contract, createClient, type Api, type Result } from '@shared/contract'
import type { ReportOptionsInput } from '@shared/contract/reports'
import type { ActivityPage, ActivityStats } from '@shared/domain/activities'
import { toIsoDate } from '@shared/domain/dates'
import type { ProgressEntry, ProgressSummary } from '@shared/domain/progress'
import { reportFormats, type ReportPdfOptions } from '@shared/domain/report'
import type { Core } from '../electron/core/core'
import { createExportsRepository } from '../electron/core/reports/exportsRepository'
import { createReportService } from '../electron/core/reports/reportService'
import { createSettingsRepository } from '../electron/core/settings/settingsRepository'
import { kindPageBaseline, roundProgress, searchPageBaseline, statsBaseline, summaryBaseline, type StatsWindow } from './baselines'
import type { GeneratedDataset } from './generate'
import type { MeasureOptions } from './measure'
import type { ActivityPageProjection, ProgressEntryProjection, StatsProjection, SummaryProjection } from './projections'

export interface Operation {
  id: string
  label: string
  /** The median to stay under (ms), from issue 7. */
  targetMs: number
  /** Fewer runs for the slow ones. */
  measure?: MeasureOptions
  ours(): Promise<unknown>
  baseline: (() => unknown) | null
  /** One run of each side: their projections and what looks wrong with our answer. */
  verify(): Promise<{ ours: unknown; baseline: unknown; problems: string[] }>
}

interface Spec<T, P> {
  id: string
  label: string
  targetMs: number
  measure?: MeasureOptions
  ours: () => Promise<T>
  project: (value: T) => P
  baseline?: () => P
  plausible: (value: T) => string[]
}

function operation<T, P>(spec: Spec<T, P>): Operation {
  const baseline = spec.baseline
  return {
    id: spec.id,
    label: spec.label,
    targetMs: spec.targetMs,
    ...(spec.measure ? { measure: spec.measure } : {}),
    ours: spec.ours,
    baseline: baseline ?? null,
    async verify() {
      const value = await spec.ours()
      return { ours: spec.project(value), baseline: baseline ? baseline() : null, problems: spec.plausible(value) }
    },
  }
}

async function must<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const problem = (ok: boolean, message: string): string[] => (ok ? [] : [message])

const entry = (e: ProgressEntry): ProgressEntryProjection => [e.id, e.progress.done, e.progress.inProgress, e.progress.notStarted, e.progress.skipped, e.progress.hidden]

export function projectSummary(s: ProgressSummary): SummaryProjection {
  return {
    overall: [s.overall.done, s.overall.inProgress, s.overall.notStarted, s.overall.skipped, s.overall.hidden],
    stages: s.stages.map(entry),
    tracks: s.tracks.map((t) => [...entry(t), t.chosen]),
    groups: s.strategyGroups.map(entry),
    chosen: s.chosenTrackIds,
    dueSoon: s.dueSoon.map((d) => [d.goalId, d.daysLeft, roundProgress(d.progress)]),
    overdueGoals: s.overdueGoals.map((d) => [d.goalId, d.daysLeft, roundProgress(d.progress)]),
    dueSoonMilestones: s.dueSoonMilestones.map((m) => [m.milestoneId, m.daysLeft, m.goalId]),
    overdueMilestones: s.overdueMilestones.map((m) => [m.milestoneId, m.daysLeft, m.goalId]),
    nextUp: s.nextUp.map((n) => [n.id, n.trackId]),
  }
}

export const projectPage = (page: ActivityPage): ActivityPageProjection => ({
  total: page.total,
  ids: page.rows.map((r) => r.id),
  skills: page.rows.map((r) => r.skills.map((s) => s.id)),
})

export const projectStats = (s: ActivityStats): StatsProjection => ({
  days: s.heatmap.days.map((d) => [d.date, d.count]),
  max: s.heatmap.max,
  total: s.heatmap.total,
  months: s.months.map((m) => [m.month, m.count]),
  streaks: [s.streaks.currentDays, s.streaks.longestDays, s.streaks.currentWeeks, s.streaks.longestWeeks].map((k) => [k.length, k.from, k.to]),
  top: s.topRepositories.map((r) => [r.repo, r.count, r.lastDate]),
  strategies: s.strategies.map((x) => [x.strategyId, x.total, x.mergedPullRequests, x.repositories]),
})

export interface OperationOptions {
  /** Rows per list page. */
  pageSize: number
  /** The "later page" read through cursors (1-based); the last full page when there are fewer. */
  laterPage: number
  now: Date
  /**
   * Prints a report's HTML to PDF (headless Chromium, as the web host does). Given, the PDF export
   * is timed too: its HTML, the print alone, and the two together.
   */
  printPdf?: (html: string, pdf: ReportPdfOptions) => Promise<Buffer>
}

export const pathId = 'backend-developer'

/** The report the benchmark renders: the last full calendar year. */
export function reportInputFor(now: Date): ReportOptionsInput {
  const year = now.getFullYear() - 1
  return { period: { preset: 'custom', from: `${year}-01-01`, to: `${year}-12-31` }, timeZone: 'UTC' }
}
export const listKind = 'pull-request'

/** Builds the core operations on an open core over a generated data set. */
export async function coreOperations(core: Core, dataset: GeneratedDataset, options: OperationOptions): Promise<Operation[]> {
  const api: Api = createClient(contract, (name, input) => core.dispatch(name, input))
  const { pageSize, now } = options
  const today = toIsoDate(now)

  // Walks to the later page once, keeping the cursor and the row before it for the baseline.
  let cursor: string | null = null
  let before: { date: string; id: number } | null = null
  let pageNumber = 1
  for (let page = await must(api.activities.list({ kinds: [listKind], limit: pageSize })); page.nextCursor !== null && pageNumber < options.laterPage; pageNumber++) {
    const last = page.rows.at(-1)
    if (!last) break
    const next = await must(api.activities.list({ kinds: [listKind], limit: pageSize, cursor: page.nextCursor }))
    if (next.rows.length < pageSize) break
    cursor = page.nextCursor
    before = { date: last.date, id: last.id }
    page = next
  }
  if (cursor === null || before === null) throw new Error('The data set is too small for a second page of pull requests')
  const laterCursor = cursor
  const laterAfter = before

  const statsWindow: StatsWindow = {
    path: pathId,
    today,
    from: format(addDays(subYears(now, 1), 1), 'yyyy-MM-dd'),
    monthsFrom: format(startOfMonth(subMonths(now, 11)), 'yyyy-MM-dd'),
    yearFrom: format(startOfYear(now), 'yyyy-MM-dd'),
  }
  const summary = summaryBaseline(core.db)
  const pages = kindPageBaseline(core.db)
  const search = searchPageBaseline(core.db)
  const stats = statsBaseline(core.db)
  const word = dataset.sample.word
  // The middle of the log, where dragging the scrollbar lands (the UI reads such pages by offset).
  const jumpTo = Math.floor((dataset.rows.activity ?? 0) / 2 / pageSize) * pageSize

  const reportYear = now.getFullYear() - 1
  const reportInput = reportInputFor(now)
  const reportOptions = contract.reports.render.input.parse({ options: reportInput, format: 'json' }).options
  const db = core.db
  const reports = createReportService({ db, settings: createSettingsRepository(db), now: () => now }, createExportsRepository(db))
  const slow: MeasureOptions = { warmup: 2, minRuns: 7, maxRuns: 30, budgetMs: 3_000 }
  const printPdf = options.printPdf
  const printed = printPdf ? await must(api.reports.printable({ options: reportInput })) : null
  const pdfOperations: Operation[] =
    printPdf && printed
      ? [
          operation({
            id: 'report.pdf.html',
            label: `report ${reportYear}, the HTML to print (reports.printable)`,
            targetMs: 500,
            measure: slow,
            ours: () => must(api.reports.printable({ options: reportInput })),
            project: (p) => p.pdf.pageSize,
            plausible: (p) => problem(p.html.includes(String(reportYear)), 'printable HTML without its year'),
          }),
          operation({
            id: 'report.pdf.print',
            label: `report ${reportYear}, Chromium printing that HTML (${Math.round(printed.html.length / 1024)} KB)`,
            targetMs: 500,
            measure: slow,
            ours: () => printPdf(printed.html, printed.pdf),
            project: (b) => b.subarray(0, 5).toString('latin1'),
            plausible: (b) => problem(b.subarray(0, 5).toString('latin1') === '%PDF-', 'not a PDF'),
          }),
          operation({
            id: 'report.pdf',
            label: `report ${reportYear} as pdf (printable, then printed)`,
            targetMs: 500,
            measure: slow,
            ours: async () => {
              const p = await must(api.reports.printable({ options: reportInput }))
              return printPdf(p.html, p.pdf)
            },
            project: (b) => b.subarray(0, 5).toString('latin1'),
            plausible: (b) => problem(b.length > 10_000, `a PDF of ${b.length} bytes`),
          }),
        ]
      : []

  return [
    operation({
      id: 'summary',
      label: 'dashboard summary (progress.summary)',
      targetMs: 20,
      ours: () => must(api.progress.summary(undefined)),
      project: projectSummary,
      baseline: () => summary(pathId, today),
      plausible: (s) => [
        ...problem(s.stages.length > 0 && s.tracks.length > 0, 'no stages or tracks'),
        ...problem(s.overall.counted > 0, 'nothing counted'),
        ...problem(s.chosenTrackIds.length > 0, 'no chosen tracks'),
        ...problem(s.overdueGoals.length + s.dueSoon.length + s.dueSoonMilestones.length + s.overdueMilestones.length > 0, 'no deadlines at all'),
      ],
    }),
    operation({
      id: 'goalsList',
      label: 'goals page (goals.list, every activity-counted goal counted)',
      targetMs: 100,
      ours: () => must(api.goals.list({})),
      project: (goals) => goals.length,
      plausible: (goals) => [
        ...problem(goals.length > 0, 'no goals'),
        ...problem(goals.some((g) => g.activityTarget !== null && g.activityCount !== null && g.activityCount > 0), 'no goal counted any activity'),
      ],
    }),
    operation({
      id: 'listFirst',
      label: `activity list, first page (kind ${listKind})`,
      targetMs: 20,
      ours: () => must(api.activities.list({ kinds: [listKind], limit: pageSize })),
      project: projectPage,
      baseline: () => pages.first(listKind, pageSize),
      plausible: (p) => [
        ...problem(p.rows.length === pageSize, `a first page of ${p.rows.length} rows`),
        ...problem(p.rows.every((r) => r.kind === listKind), 'a row of another kind'),
        ...problem(p.total > pageSize, `a total of ${p.total}`),
      ],
    }),
    operation({
      id: 'listLater',
      label: `activity list, page ${pageNumber} by cursor`,
      targetMs: 20,
      ours: () => must(api.activities.list({ kinds: [listKind], limit: pageSize, cursor: laterCursor })),
      project: projectPage,
      baseline: () => pages.after(listKind, pageSize, laterAfter.date, laterAfter.id),
      plausible: (p) => problem(p.rows.length === pageSize && p.rows.every((r) => r.date <= laterAfter.date), 'the later page is short or out of order'),
    }),
    operation({
      id: 'listJump',
      label: `activity list, all kinds, jump to row ${jumpTo.toLocaleString('en')}`,
      targetMs: 100,
      ours: () => must(api.activities.list({ limit: pageSize, offset: jumpTo })),
      project: projectPage,
      baseline: () => pages.jump(pageSize, jumpTo),
      plausible: (p) => problem(p.rows.length === pageSize && p.total === dataset.rows.activity, `a jump page of ${p.rows.length} rows, total ${p.total}`),
    }),
    operation({
      id: 'search',
      label: `full-text search "${word}", first page`,
      targetMs: 100,
      ours: () => must(api.activities.list({ search: word, limit: pageSize })),
      project: projectPage,
      baseline: () => search(`"${word}"*`, pageSize),
      plausible: (p) => [
        ...problem(p.rows.length > 0, 'no matches'),
        ...problem(
          p.rows.every((r) => `${r.title} ${r.notes ?? ''} ${r.repo ?? ''}`.toLowerCase().includes(word)),
          'a match without the word',
        ),
      ],
    }),
    operation({
      id: 'stats',
      label: '12-month heatmap, months, streaks (activities.stats)',
      targetMs: 100,
      ours: () => must(api.activities.stats(undefined)),
      project: projectStats,
      baseline: () => stats(statsWindow),
      plausible: (s) => [
        ...problem(s.heatmap.days.length >= 365 && s.months.length === 12, 'a heatmap or months of the wrong length'),
        ...problem(s.heatmap.total > 0, 'an empty heatmap'),
        ...problem(s.streaks.longestDays.length > 0, 'no streak'),
      ],
    }),
    operation({
      id: 'reportModel',
      label: `report model, ${reportYear}`,
      targetMs: 500,
      measure: slow,
      ours: async () => reports.model(reportOptions),
      project: (m) => m.period,
      plausible: (m) => problem(JSON.stringify(m).includes(String(reportYear)), 'a model without its year'),
    }),
    ...reportFormats.map((format) =>
        operation({
          id: `report.${format}`,
          label: `report ${reportYear} as ${format} (reports.render)`,
          targetMs: 500,
          measure: slow,
          ours: () => must(api.reports.render({ options: reportInput, format })),
          project: (r) => r.mimeType,
          plausible: (r) => [
            ...problem(r.content.length > 1_000, `a ${format} report of ${r.content.length} characters`),
            ...problem(r.content.includes(String(reportYear)), `a ${format} report without its year`),
          ],
        }),
      ),
    operation({
      id: 'export.jsonResume',
      label: `JSON Resume of ${reportYear} (resume.export)`,
      targetMs: 500,
      measure: slow,
      ours: () => must(api.resume.export({ options: reportInput, delivery: 'download' })),
      project: (r) => r.mimeType,
      plausible: (r) => {
        const text = r.download?.content ?? ''
        return [
          ...problem(text.includes(`"from": "${reportYear}-01-01"`), 'a résumé without its year'),
          ...problem(text.includes('"type": "open-source"'), 'a résumé without open-source projects'),
        ]
      },
    }),
    operation({
      id: 'export.calendar',
      label: 'calendar of every dated goal and milestone (calendar.export)',
      targetMs: 500,
      measure: slow,
      ours: () => must(api.calendar.export({ timeZone: 'UTC', delivery: 'download' })),
      project: (r) => r.mimeType,
      plausible: (r) => {
        const events = (r.download?.content.match(/^BEGIN:VEVENT\r$/gm) ?? []).length
        const dated = Number(db.prepare('SELECT (SELECT count(*) FROM goal WHERE target_date IS NOT NULL) + (SELECT count(*) FROM milestone WHERE due_date IS NOT NULL)').pluck().get())
        return problem(events === dated && dated > 0, `${events} events for ${dated} dated goals and milestones`)
      },
    }),
    ...pdfOperations,
  ]
}
