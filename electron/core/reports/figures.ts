import { formatPercent } from '@shared/domain/progress'
import { joinWords } from '@shared/domain/activityWords'
import { kindCount } from './reportText'
import {
  communityKinds,
  reportFigureLabels,
  type ReportComparison,
  type ReportExport,
  type ReportFigureKey,
  type ReportFigures,
  type ReportGoals,
  type ReportHeatmap,
  type ReportKpi,
  type ReportOpenSource,
  type ReportRoadmap,
  type ReportSectionId,
  type ReportSkills,
  type ReportStrategyWork,
  type ReportTemplate,
} from '@shared/domain/report'

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/**
 * Six tiles, six different facts: no tile's line repeats another tile's number (the job
 * application once said "2 repositories" three times). Templates for an outside reader show
 * outcomes, never day counts or streaks.
 */
const kpiKeys: Record<ReportTemplate, ReportFigureKey[]> = {
  'personal-review': ['activities', 'mergedPullRequests', 'skillsImproved', 'goalsDone', 'roadmapProgress', 'strategyWork'],
  'job-application': ['mergedPullRequests', 'repositories', 'skillsImproved', 'certifications', 'communityWork', 'withImpact'],
  'promotion-case': ['goalsDone', 'mergedPullRequests', 'skillsImproved', 'withImpact', 'itemsCompleted', 'roadmapProgress'],
  'public-profile': ['mergedPullRequests', 'repositories', 'skillsImproved', 'certifications', 'communityWork', 'openSourceContributions'],
}
/** For a reader who weighs outcomes, a tile at zero gives its place to the first of these with something to show. */
const kpiSpares: Record<ReportTemplate, ReportFigureKey[]> = {
  'personal-review': [],
  'job-application': ['openSourceContributions', 'strategyWork', 'goalsDone', 'milestonesDone'],
  'promotion-case': ['milestonesDone', 'certifications', 'communityWork', 'repositories', 'strategyWork'],
  'public-profile': ['strategyWork', 'withImpact'],
}

function tileKeys(template: ReportTemplate, f: ReportFigures, outcomesOnly: boolean): ReportFigureKey[] {
  const keys = kpiKeys[template]
  if (!outcomesOnly) return keys
  const shows = (key: ReportFigureKey) => key === 'roadmapProgress' || (f[key] ?? 0) > 0
  const spares = kpiSpares[template].filter((k) => shows(k) && !keys.includes(k))
  return keys.map((key) => (shows(key) ? key : (spares.shift() ?? key)))
}

export interface FigureContext {
  figures: ReportFigures
  roadmap: ReportRoadmap
  skills: ReportSkills
  goals: ReportGoals
  strategyWork: ReportStrategyWork
  openSource: ReportOpenSource
  heatmap: ReportHeatmap
  /** The template's reader weighs outcomes: no streaks, no "logged on N days". */
  outcomesOnly: boolean
}

const reposWithMerged = (o: ReportOpenSource): number => o.repositories.filter((r) => r.mergedPullRequests > 0).length

const strategyPhrase = (work: ReportStrategyWork, max = 3): string => {
  const parts = work.groups.slice(0, max).map((g) => kindCount(g.kind, g.count))
  return joinWords(work.groups.length > max ? [...parts, 'more'] : parts)
}

const roadmapTrend = (roadmap: ReportRoadmap): string | null => {
  const { start, end } = roadmap.overall
  if (end.ratio === null) return null
  if (start.ratio === null || Math.round(start.ratio * 100) === Math.round(end.ratio * 100)) return 'unchanged in the period'
  return `${end.ratio > start.ratio ? 'up' : 'down'} from ${formatPercent(start.ratio)}`
}

/** The busiest repository by merged pull requests, for the repositories tile. */
const topRepository = (o: ReportOpenSource): string | null => (o.repositories[0] ? `most merged in ${o.repositories[0].repo}` : null)

export function buildKpis(template: ReportTemplate, ctx: FigureContext): ReportKpi[] {
  const f = ctx.figures
  const pullRequests = ctx.openSource.repositories.reduce((n, r) => n + r.pullRequests, 0)
  const topSkill = ctx.skills.rows.filter((s) => s.change > 0).sort((a, b) => b.change - a.change)[0]
  const keys = tileKeys(template, f, ctx.outcomesOnly)
  const shown = new Set(keys)
  const detail: Record<ReportFigureKey, string | null> = {
    activities: shown.has('activeDays') ? null : `on ${plural(f.activeDays, 'active day')}`,
    activeDays: ctx.outcomesOnly || ctx.heatmap.longestStreak.length <= 1 ? null : `longest streak ${plural(ctx.heatmap.longestStreak.length, 'day')}`,
    openSourceContributions: f.repositories > 0 && !shown.has('repositories') ? `across ${plural(f.repositories, 'repository', 'repositories')}` : null,
    // The repositories tile says where; this one says how many of the pull requests opened made it in.
    mergedPullRequests: shown.has('repositories')
      ? pullRequests > 0 ? `of ${plural(pullRequests, 'pull request')} opened` : null
      : reposWithMerged(ctx.openSource) > 0 ? `in ${plural(reposWithMerged(ctx.openSource), 'repository', 'repositories')}` : null,
    repositories: topRepository(ctx.openSource),
    strategyWork: f.strategyWork > 0 ? strategyPhrase(ctx.strategyWork, 2) : null,
    hours: null,
    goalsDone: f.milestonesDone > 0 && !shown.has('milestonesDone') ? `${plural(f.milestonesDone, 'milestone')} reached` : null,
    goalsInProgress: null,
    goalsOverdue: null,
    milestonesDone: null,
    skillsImproved: topSkill ? `${topSkill.title} now level ${topSkill.levelEnd ?? 0}` : ctx.skills.rows.length > 0 ? `of ${plural(ctx.skills.rows.length, 'skill')} assessed` : null,
    itemsCompleted: 'skills and strategies done',
    roadmapProgress: roadmapTrend(ctx.roadmap),
    certifications: null,
    communityWork: f.communityWork > 0 ? strategyPhrase({ total: f.communityWork, groups: ctx.strategyWork.groups.filter((g) => communityKinds.includes(g.kind)) }, 2) : null,
    withImpact: f.withImpact > 0 ? 'activities with an impact line' : null,
  }
  return keys.map((key) => {
    const value = f[key]
    return {
      key,
      label: reportFigureLabels[key],
      value,
      display: key === 'roadmapProgress' ? formatPercent(f.roadmapProgress) : (value ?? 0).toLocaleString('en-US'),
      detail: detail[key],
    }
  })
}

/**
 * The summary's sentences, most telling first. Plain text: every renderer escapes it. Only
 * sections the report includes speak here, so a job application does not bring up goals.
 */
export function buildHighlights(ctx: FigureContext, sections: ReadonlySet<ReportSectionId>): string[] {
  const f = ctx.figures
  const out: string[] = []
  const has = (id: ReportSectionId) => sections.has(id)
  if (has('open-source') && f.mergedPullRequests > 0) {
    const mergedIn = reposWithMerged(ctx.openSource)
    // "in 3 repositories, out of 10 contributions to 3 repositories" says the count twice.
    const elsewhere = f.repositories > mergedIn ? ` to ${plural(f.repositories, 'repository', 'repositories')}` : ''
    out.push(`Merged ${plural(f.mergedPullRequests, 'pull request')} in ${plural(mergedIn, 'repository', 'repositories')}, out of ${plural(f.openSourceContributions, 'open-source contribution')}${elsewhere}.`)
  } else if (has('open-source') && f.openSourceContributions > 0) {
    out.push(`Made ${plural(f.openSourceContributions, 'open-source contribution')}${f.repositories > 0 ? ` in ${plural(f.repositories, 'repository', 'repositories')}` : ''}.`)
  }
  const improved = ctx.skills.rows.filter((s) => s.change > 0).sort((a, b) => b.change - a.change)
  if (has('skills') && improved.length > 0) {
    // "Java (0 → 4)" reads as a score of zero; a skill first rated in the period is "now level 4".
    const named = improved.slice(0, 3).map((s) => (s.levelStart ? `${s.title} (level ${s.levelStart} → ${s.levelEnd ?? 0})` : `${s.title} (now level ${s.levelEnd ?? 0})`))
    out.push(`Levelled up ${plural(improved.length, 'skill')}: ${joinWords(improved.length > 3 ? [...named, `${improved.length - 3} more`] : named)}.`)
  }
  if (has('goals') && ctx.goals.done.length > 0) {
    const named = ctx.goals.done.slice(0, 3).map((g) => `“${g.title}”`)
    out.push(`Completed ${plural(ctx.goals.done.length, 'goal')}: ${joinWords(ctx.goals.done.length > 3 ? [...named, `${ctx.goals.done.length - 3} more`] : named)}.`)
  }
  if (has('strategy-work') && f.strategyWork > 0) out.push(`Beyond code: ${strategyPhrase(ctx.strategyWork)}.`)
  const { start, end } = ctx.roadmap.overall
  if (has('roadmap') && end.ratio !== null && start.ratio !== null && Math.round(end.ratio * 100) !== Math.round(start.ratio * 100)) {
    out.push(`Roadmap progress ${end.ratio > start.ratio ? 'rose' : 'fell'} from ${formatPercent(start.ratio)} to ${formatPercent(end.ratio)}${f.itemsCompleted > 0 ? `, with ${plural(f.itemsCompleted, 'skill or strategy', 'skills and strategies')} completed` : ''}.`)
  }
  if (f.activeDays > 0 && !ctx.outcomesOnly) {
    const streak = ctx.heatmap.longestStreak.length
    out.push(`Logged work on ${plural(f.activeDays, 'day')}${streak > 1 ? `; the longest streak ran ${plural(streak, 'day')}` : ''}.`)
  }
  if (has('goals') && f.goalsOverdue > 0) out.push(`${plural(f.goalsOverdue, 'goal is', 'goals are')} past the target date.`)
  return out
}

const comparedKeys: ReportFigureKey[] = [
  'activities',
  'activeDays',
  'openSourceContributions',
  'mergedPullRequests',
  'repositories',
  'strategyWork',
  'skillsImproved',
  'goalsDone',
  'itemsCompleted',
  'roadmapProgress',
]

/** Roadmap progress compares in whole percentage points; everything else as counts. */
const comparable = (figures: ReportFigures, key: ReportFigureKey): number | null => {
  const value = figures[key]
  if (key === 'roadmapProgress') return value === null ? null : Math.round(value * 100)
  return value
}

export function buildComparison(figures: ReportFigures, previous: ReportExport | null): ReportComparison {
  return {
    previous:
      previous === null
        ? null
        : {
            id: previous.id,
            exportedAt: previous.exportedAt,
            format: previous.format,
            template: previous.template,
            title: previous.title,
            periodLabel: previous.periodLabel,
            from: previous.from,
            to: previous.to,
          },
    rows: comparedKeys.map((key) => {
      const current = comparable(figures, key)
      const before = previous === null ? null : comparable(previous.figures, key)
      return { key, label: reportFigureLabels[key], previous: before, current, change: current !== null && before !== null ? current - before : null }
    }),
  }
}
