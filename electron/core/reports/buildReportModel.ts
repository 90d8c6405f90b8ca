import { formatPercent } from '@shared/domain/progress'
import { communityKinds, reportSchemaVersion, type ReportExport, type ReportFigures, type ReportModel, type ReportPeriod, type ReportReviewEntry, type ReportSectionId } from '@shared/domain/report'
import { buildActivitySections } from './activitySections'
import { buildComparison, buildHighlights, buildKpis, plural } from './figures'
import { buildGoals } from './goalsSection'
import { buildOutcomes } from './outcomesSection'
import { dayIn, longDate } from './period'
import { privateRepositoryMatcher } from './privateRepositories'
import type { ResolvedOptions } from './resolveOptions'
import type { ReportSources } from './reportSources'
import { buildRoadmapAndSkills } from './roadmapSection'
import { createStateTimeline } from './stateAt'

export interface ModelInput {
  options: ResolvedOptions
  period: ReportPeriod
  sources: ReportSources
  /** The export the "since the last report" section compares with. */
  previous: ReportExport | null
  now: Date
  /** Weekly-review entries of the period, for the outcomes section; none when the review is not wired in. */
  reviews?: readonly ReportReviewEntry[]
}

/** "Overdue" is judged on the period's last day, or today when the period runs on. */
export const asOfDay = (period: ReportPeriod, today: string): string => (period.to < today ? period.to : today)

/**
 * The report from what the store holds: pure, so every figure is tested without a clock or
 * a database, and every format renders the same numbers.
 */
export function buildReportModel({ options, period, sources, previous, now, reviews = [] }: ModelInput): ReportModel {
  const { exclude } = options
  const today = dayIn(now, period.timeZone)
  const asOf = asOfDay(period, today)

  const isPrivate = privateRepositoryMatcher(exclude.privateRepositories ? sources.privateRepositories : [])
  const privateRepos = new Set<string>()
  const rows = sources.activities.filter((a) => {
    const repo = isPrivate(a)
    if (repo !== null) privateRepos.add(repo.toLowerCase())
    return repo === null
  })
  const privateActivities = sources.activities.length - rows.length

  const skillTitles = new Map(sources.items.filter((i) => i.kind === 'skill').map((i) => [i.id, i.title]))
  const act = buildActivitySections(rows, skillTitles, period, exclude.notes)
  const timeline = createStateTimeline(sources.items, sources.history)
  const { roadmap, skills } = buildRoadmapAndSkills({
    pathTitle: sources.path.title,
    items: sources.items,
    chosenTrackIds: sources.chosenTrackIds,
    timeline,
    period,
    excludeSalary: exclude.salaryRanges,
    excludeNotes: exclude.notes,
    activitiesBySkill: act.activitiesBySkill,
  })
  const { goals, milestonesDone } = buildGoals(sources.goals, period, asOf, exclude.notes)

  const figures: ReportFigures = {
    activities: act.activities.length,
    activeDays: act.activeDays,
    openSourceContributions: act.openSource.total,
    mergedPullRequests: act.openSource.mergedPullRequests,
    repositories: act.openSource.repositories.length,
    strategyWork: act.strategyWork.total,
    hours: act.hours,
    goalsDone: goals.done.length,
    goalsInProgress: goals.inProgress.length,
    goalsOverdue: goals.overdue.length,
    milestonesDone,
    skillsImproved: skills.improved,
    itemsCompleted: roadmap.completed.filter((c) => !c.unassessed).length,
    roadmapProgress: roadmap.overall.end.ratio,
    certifications: act.activities.filter((a) => a.kind === 'certification').length,
    communityWork: act.activities.filter((a) => communityKinds.includes(a.kind)).length,
    withImpact: act.activities.filter((a) => a.impact !== null).length,
  }
  const ctx = { figures, roadmap, skills, goals, strategyWork: act.strategyWork, openSource: act.openSource, heatmap: act.heatmap, outcomesOnly: options.template.outcomesOnly }
  const levelChanged = skills.rows.some((s) => s.levelStart !== s.levelEnd)
  const empty = figures.activities === 0 && figures.itemsCompleted === 0 && figures.goalsDone === 0 && milestonesDone === 0 && !levelChanged

  const leftOut = privateActivities > 0 && !options.template.public ? ` ${plural(privateActivities, 'activity', 'activities')} in private repositories ${privateActivities === 1 ? 'is' : 'are'} left out.` : ''
  const emptyMessage = empty
    ? `No activity logged ${period.from === period.to ? `on ${longDate(period.from)}` : `between ${longDate(period.from)} and ${longDate(period.to)}`}.${leftOut}`
    : null
  // An empty period still says where things stand, in a line or two.
  const open = goals.inProgress.length + goals.overdue.length
  const standing = [
    roadmap.overall.end.ratio === null ? null : `Roadmap progress stands at ${formatPercent(roadmap.overall.end.ratio)}.`,
    open > 0 ? `${plural(open, 'goal is', 'goals are')} open${goals.overdue.length > 0 ? `, ${plural(goals.overdue.length, 'of them', 'of them')} overdue` : ''}.` : null,
  ].filter((s): s is string => s !== null)

  const included = new Set<ReportSectionId>(options.sections)
  const pick = <T>(id: ReportSectionId, value: T): T | null => (included.has(id) ? value : null)
  const titleBase = options.template.title

  return {
    schemaVersion: reportSchemaVersion,
    generatedAt: now.toISOString(),
    generatedOn: today,
    template: options.template.id,
    title: titleBase,
    intro: options.template.intro.replace('{period}', period.range),
    author: options.author,
    pageSize: options.pageSize,
    period,
    sections: options.sections,
    empty,
    emptyMessage,
    // A public page does not say that private work exists, let alone how much.
    redactions: options.template.public ? { exclude, privateActivities: 0, privateRepositories: 0 } : { exclude, privateActivities, privateRepositories: privateRepos.size },
    figures,
    kpis: buildKpis(options.template.id, ctx),
    highlights: empty ? standing : buildHighlights(ctx, included),
    roadmap: pick('roadmap', roadmap),
    skills: pick('skills', skills),
    goals: pick('goals', goals),
    openSource: pick('open-source', act.openSource),
    strategyWork: pick('strategy-work', act.strategyWork),
    heatmap: pick('heatmap', act.heatmap),
    comparison: pick('comparison', buildComparison(figures, previous)),
    outcomes: pick('outcomes', buildOutcomes(act.activities, skills, options.template.selectedLimit, reviews)),
    activities: act.activities,
  }
}
