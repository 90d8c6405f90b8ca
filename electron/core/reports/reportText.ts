import { format } from 'date-fns'
import { activityKindLabels, activityStateLabels, type ActivityKind } from '@shared/domain/activities'
import { activityNouns, count as countOf, joinWords } from '@shared/domain/activityWords'
import type { SalaryRange } from '@shared/domain/careerPath'
import { parseIsoDate } from '@shared/domain/dates'
import { describeTally } from '@shared/domain/goals'
import { formatPercent, type Progress } from '@shared/domain/progress'
import { reportTemplateSpecs, type ReportActivity, type ReportGoal, type ReportGoals, type ReportModel, type ReportMonth, type ReportSectionId } from '@shared/domain/report'
import { skillLevelLabels, skillLevels, type SkillLevel } from '@shared/domain/roadmap'

/** Wording and number formats every human-readable format shares, so they print the same. */

export const day = (iso: string): string => format(parseIsoDate(iso), 'd MMM yyyy')
export const month = (yyyyMm: string): string => format(parseIsoDate(`${yyyyMm}-01`), 'MMM yyyy')
export const count = (n: number): string => n.toLocaleString('en-US')
export const percent = (ratio: number | null): string => formatPercent(ratio)

/** "7 of 10 merged pull requests" for a goal that counts activities, null for the others. */
export const tallyText = (g: Pick<ReportGoal, 'activityTally'>): string | null => (g.activityTally ? describeTally(g.activityTally) : null)

const isSkillLevel = (n: number): n is SkillLevel => skillLevels.some((l) => l === n)
export const level = (n: number | null): string => (n === null ? '–' : isSkillLevel(n) ? `${n} ${skillLevelLabels[n]}` : String(n))

/** "+2", "−1" (a real minus sign), or "–" for no change. */
export const signed = (n: number | null, unit = ''): string => (n === null ? '–' : n === 0 ? '0' : n > 0 ? `+${count(n)}${unit}` : `−${count(-n)}${unit}`)

export const progressChange = (p: { start: Progress; end: Progress }): number | null =>
  p.start.ratio === null || p.end.ratio === null ? null : Math.round(p.end.ratio * 100) - Math.round(p.start.ratio * 100)

export function salary(range: SalaryRange): string {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: range.currency, maximumFractionDigits: 0 })
  return `${money.format(range.min)}–${money.format(range.max)} a ${range.period}`
}

export const kindLabel = (a: Pick<ReportActivity, 'kind'>): string => activityKindLabels[a.kind].one
export const stateLabel = (a: Pick<ReportActivity, 'state'>): string => (a.state === null ? '' : activityStateLabels[a.state])

/** The byline under the title: "Jane Doe · Senior Backend Developer". */
export const byline = (model: Pick<ReportModel, 'author'>): string | null =>
  model.author === null ? null : [model.author.name, model.author.title].filter((s): s is string => s !== null).join(' · ') || null

/** What the report leaves out, in words, so the reader knows the figures are partial on purpose. */
export function redactionNote(model: Pick<ReportModel, 'redactions' | 'template'>): string | null {
  // A public page does not say that private work exists, let alone how much.
  if (reportTemplateSpecs[model.template].public) return null
  const { exclude, privateActivities, privateRepositories } = model.redactions
  const parts: string[] = []
  if (exclude.privateRepositories && privateActivities > 0) {
    parts.push(`work in ${privateRepositories === 1 ? 'one private repository' : `${count(privateRepositories)} private repositories`} (${count(privateActivities)} ${privateActivities === 1 ? 'activity' : 'activities'})`)
  }
  if (exclude.notes) parts.push('personal notes')
  if (exclude.salaryRanges) parts.push('salary ranges')
  if (parts.length === 0) return null
  return `This report leaves out ${joinWords(parts)}.`
}

/** "3 pull requests", "1 talk". */
export const kindCount = (kind: ActivityKind, n: number): string => countOf(n, activityNouns[kind], count)

/** "3 pull requests" for each kind that has any, in the given order. */
export const kindCounts = (byKind: readonly { kind: ActivityKind; count: number }[]): string[] =>
  byKind.filter((k) => k.count > 0).map((k) => kindCount(k.kind, k.count))

/** A skill marked done at level 0 or none: flagged rather than printed as done. */
export const unassessedText = 'Marked done, no level set'

/** "Java: level 2 → 4 (Proficient)", or "now level 3" for a skill first rated in the period. */
export const levelGain = (g: { levelStart: number | null; levelEnd: number }): string =>
  g.levelStart ? `level ${g.levelStart} → ${level(g.levelEnd)}` : `now level ${level(g.levelEnd)}`

/** The headings of the outcomes section, shared by every format. */
export const outcomeHeadings = {
  starred: 'Selected work',
  picked: 'Merged work and its impact',
  impact: 'Impact',
  skills: 'Skills gained',
  certifications: 'Certifications',
  talks: 'Talks',
  reviews: 'From my weekly reviews',
  none: 'No work was starred, merged or given an impact line in the period; star an activity to show it here.',
} as const

/** Months with work only, for a reader who weighs outcomes; every month otherwise. */
export const monthsShown = (model: Pick<ReportModel, 'template'>, months: readonly ReportMonth[]): ReportMonth[] =>
  months.filter((m) => !outcomesOnly(model) || m.total > 0)

/** The template is written for a reader who weighs outcomes (see ReportTemplateSpec.outcomesOnly). */
export const outcomesOnly = (model: Pick<ReportModel, 'template'>): boolean => reportTemplateSpecs[model.template].outcomesOnly

/** What a section says when the period gives it nothing to show. */
export const emptySectionText = {
  skills: 'No skill has a level or a status yet.',
  goals: 'No goal was completed or open in the period.',
  'open-source': 'No open-source contributions were logged in the period.',
  'strategy-work': 'No certifications, talks, meetups, forum answers, blog posts or portfolio projects were logged in the period.',
} satisfies Partial<Record<ReportSectionId, string>>

export type GoalGroupKind = 'done' | 'in-progress' | 'overdue'

/** The goals section's groups, in print order, leaving out the empty ones. */
export function goalGroups(goals: Pick<ReportGoals, 'done' | 'inProgress' | 'overdue'>): { label: string; goals: ReportGoal[]; kind: GoalGroupKind }[] {
  const groups: { label: string; goals: ReportGoal[]; kind: GoalGroupKind }[] = [
    { label: 'Completed', goals: goals.done, kind: 'done' },
    { label: 'In progress', goals: goals.inProgress, kind: 'in-progress' },
    { label: 'Overdue', goals: goals.overdue, kind: 'overdue' },
  ]
  return groups.filter((group) => group.goals.length > 0)
}

const forges = new Set(['github.com', 'gitlab.com', 'codeberg.org', 'bitbucket.org'])

/** Where a piece of work lives: its repository, else the one its forge link names, else the site. */
export function whereOf(a: Pick<ReportActivity, 'repo' | 'url'>): string {
  if (a.repo) return a.repo
  if (!a.url) return ''
  try {
    const url = new URL(a.url)
    const host = url.hostname.replace(/^www\./, '')
    const [owner, name] = url.pathname.split('/').filter(Boolean)
    return forges.has(host) && owner && name ? `${owner}/${name}` : host
  } catch {
    return ''
  }
}

/** The first `limit` activities of a section's id list, looked up in the model. */
export function activitiesOf(model: Pick<ReportModel, 'activities'>, ids: readonly number[], limit: number): ReportActivity[] {
  const byId = new Map(model.activities.map((a) => [a.id, a]))
  return ids.slice(0, limit).flatMap((id) => {
    const activity = byId.get(id)
    return activity ? [activity] : []
  })
}

/** How many rows of a long list the printed formats show; CSV and JSON always hold them all. */
export const listLimit = 100
export const groupListLimit = 40

export const fileStem = (model: Pick<ReportModel, 'author' | 'template' | 'period'>): string => {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  const who = model.author?.name ? slug(model.author.name).slice(0, 40) : ''
  const what = { 'personal-review': 'progress-review', 'job-application': 'development-record', 'promotion-case': 'promotion-case', 'public-profile': 'profile' }[model.template]
  const when = model.period.from === model.period.to ? model.period.from : `${model.period.from}-to-${model.period.to}`
  return [who, what, when].filter(Boolean).join('-')
}
