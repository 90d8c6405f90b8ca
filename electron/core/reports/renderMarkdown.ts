import { itemStatusLabels } from '@shared/domain/roadmap'
import { goalPriorityLabels } from '@shared/domain/goals'
import { reportSectionLabels, type ReportActivity, type ReportGoal, type ReportModel, type ReportSectionId } from '@shared/domain/report'
import { mdLink, mdTable, mdText } from './markdownText'
import {
  activitiesOf,
  byline,
  count,
  day,
  emptySectionText,
  goalGroups,
  groupListLimit,
  kindCounts,
  kindLabel,
  level,
  levelGain,
  listLimit,
  month,
  monthsShown,
  outcomeHeadings,
  outcomesOnly,
  percent,
  progressChange,
  redactionNote,
  salary,
  signed,
  stateLabel,
  tallyText,
  unassessedText,
  whereOf,
} from './reportText'

type Section = (model: ReportModel) => string | null

const heading = (id: ReportSectionId): string => `## ${reportSectionLabels[id]}`
const more = (shown: number, total: number): string =>
  total > shown ? `\n\n_…and ${count(total - shown)} more; the CSV and JSON exports list them all._` : ''

const activityLine = (a: ReportActivity, withKind: boolean): string => {
  const parts = [day(a.date)]
  if (withKind) parts.push(a.state ? `${kindLabel(a)} (${stateLabel(a).toLowerCase()})` : kindLabel(a))
  parts.push(mdLink(a.title, a.url))
  const where = whereOf(a)
  if (where) parts.push(mdText(where))
  const line = `- ${parts.join(' · ')}`
  return a.notes ? `${line}\\\n  _${mdText(a.notes)}_` : line
}

const summary: Section = (m) => {
  const kpis = mdTable(
    ['Figure', 'Value', ''],
    m.kpis.map((k) => [k.label, `**${k.display}**`, k.detail ? mdText(k.detail) : '']),
    ['left', 'right', 'left'],
  )
  const highlights = m.highlights.map((h) => `- ${mdText(h)}`).join('\n')
  return [heading('summary'), kpis, highlights].filter(Boolean).join('\n\n')
}

const outcomeLine = (a: ReportActivity): string => {
  const meta = [kindLabel(a) + (a.state === 'merged' ? ' · merged' : ''), whereOf(a), day(a.date)].filter(Boolean).map(mdText).join(' · ')
  const line = `- **${mdLink(a.title, a.url)}** · ${meta}`
  return a.impact ? `${line}\\\n  ${mdText(a.impact)}` : line
}

const outcomes: Section = (m) => {
  const o = m.outcomes
  if (!o) return null
  const parts = [heading('outcomes')]
  const list = (title: string, ids: readonly number[]) => {
    const shown = activitiesOf(m, ids, listLimit)
    if (shown.length > 0) parts.push(`### ${title}\n\n${shown.map(outcomeLine).join('\n')}${more(shown.length, ids.length)}`)
  }
  list(o.fromStars ? outcomeHeadings.starred : outcomeHeadings.picked, o.selected)
  list(outcomeHeadings.impact, o.impact)
  if (o.skillsGained.length > 0) parts.push(`### ${outcomeHeadings.skills}\n\n${o.skillsGained.map((g) => `- **${mdText(g.title)}** · ${levelGain(g)}`).join('\n')}`)
  list(outcomeHeadings.certifications, o.certifications)
  list(outcomeHeadings.talks, o.talks)
  if (o.reviews.length > 0) parts.push(`### ${outcomeHeadings.reviews}\n\n${o.reviews.map((r) => `> **Week of ${day(r.weekOf)}**\n> ${mdText(r.text)}`).join('\n\n')}`)
  if (parts.length === 1) parts.push(outcomeHeadings.none)
  return parts.join('\n\n')
}

const comparison: Section = (m) => {
  const c = m.comparison
  if (!c) return null
  if (c.previous === null) return `${heading('comparison')}\n\nThis is the first exported report; the next one will compare its figures with this one.`
  const intro = `Compared with the last report, “${mdText(c.previous.title)}” for ${mdText(c.previous.periodLabel)}, exported on ${day(c.previous.exportedAt.slice(0, 10))}.`
  const table = mdTable(
    ['Figure', 'Last report', 'This report', 'Change'],
    c.rows.map((r) => {
      const unit = r.key === 'roadmapProgress' ? '%' : ''
      return [r.label, r.previous === null ? '–' : `${count(r.previous)}${unit}`, r.current === null ? '–' : `${count(r.current)}${unit}`, signed(r.change, r.key === 'roadmapProgress' ? ' pts' : '')]
    }),
    ['left', 'right', 'right', 'right'],
  )
  return [heading('comparison'), intro, table].join('\n\n')
}

const roadmap: Section = (m) => {
  const r = m.roadmap
  if (!r) return null
  const change = progressChange(r.overall)
  const overall = `**Overall: ${percent(r.overall.end.ratio)}**${change !== null && change !== 0 ? ` (${signed(change, ' pts')} in the period, from ${percent(r.overall.start.ratio)})` : ''} of the ${mdText(r.pathTitle)} path.`
  const rows = (list: typeof r.stages) =>
    list.map((s) => [mdText(s.title), percent(s.start.ratio), `**${percent(s.end.ratio)}**`, signed(progressChange(s), ' pts'), `${count(s.end.done)} of ${count(s.end.counted)}`])
  const head = ['Start', 'End', 'Change', 'Done']
  const parts = [heading('roadmap'), overall, mdTable(['Stage', ...head], rows(r.stages), ['left', 'right', 'right', 'right', 'right'])]
  if (r.tracks.length > 0) {
    const withSalary = r.tracks.some((t) => t.salary !== null)
    parts.push(
      mdTable(
        ['Track', ...head, ...(withSalary ? ['Salary range'] : [])],
        r.tracks.map((t, i) => [...(rows(r.tracks)[i] ?? []), ...(withSalary ? [t.salary ? salary(t.salary) : '–'] : [])]),
        ['left', 'right', 'right', 'right', 'right', 'left'],
      ),
    )
  }
  if (r.strategyGroups.length > 0) parts.push(mdTable(['Strategy group', ...head], rows(r.strategyGroups), ['left', 'right', 'right', 'right', 'right']))
  if (r.completed.length > 0) {
    parts.push(`**Completed in the period**\n\n${r.completed.map((c) => `- ${day(c.on)} · ${mdText(c.title)}${c.unassessed ? ` (${unassessedText.toLowerCase()}: not counted)` : ''}`).join('\n')}`)
  }
  parts.push(`_${mdText(r.rule)}_`)
  return parts.join('\n\n')
}

const skills: Section = (m) => {
  const s = m.skills
  if (!s) return null
  if (s.rows.length === 0) return `${heading('skills')}\n\n${emptySectionText.skills}`
  const withNotes = s.rows.some((r) => r.note !== null)
  const table = mdTable(
    ['Skill', 'Area', 'Level', 'Change', 'Status', 'Activities', ...(withNotes ? ['Note'] : [])],
    s.rows.map((r) => [
      `**${mdText(r.title)}**`,
      r.parentTitle ? mdText(r.parentTitle) : '',
      level(r.levelEnd),
      r.change === 0 ? '–' : `${signed(r.change)} (from ${r.levelStart ?? 0})`,
      r.unassessed ? unassessedText : r.status === 'not-started' ? '–' : itemStatusLabels[r.status],
      count(r.activities),
      ...(withNotes ? [r.note ? mdText(r.note) : ''] : []),
    ]),
    ['left', 'left', 'left', 'right', 'left', 'right', 'left'],
  )
  const intro = s.improved > 0 ? `${count(s.improved)} ${s.improved === 1 ? 'skill' : 'skills'} levelled up in the period.` : 'No skill changed level in the period.'
  return [heading('skills'), intro, table].join('\n\n')
}

const goalBlock = (g: ReportGoal): string => {
  const tally = tallyText(g)
  const facts = [tally ? `${mdText(tally)} (${percent(g.progress)})` : `${percent(g.progress)} done`, `${goalPriorityLabels[g.priority].toLowerCase()} priority`]
  if (g.completedOn) facts.unshift(`completed ${day(g.completedOn)}`)
  else if (g.targetDate) facts.push(`target ${day(g.targetDate)}`)
  const lines = [`- **${mdText(g.title)}** — ${facts.join(' · ')}`]
  if (g.description) lines[0] = `${lines[0]}\\\n  ${mdText(g.description)}`
  for (const ms of g.milestones) {
    const when = ms.doneOn ? `reached ${day(ms.doneOn)}` : ms.dueDate ? `${ms.overdue ? 'overdue since' : 'due'} ${day(ms.dueDate)}` : ''
    lines.push(`  - [${ms.doneOn ? 'x' : ' '}] ${mdText(ms.title)}${when ? ` (${when})` : ''}`)
  }
  return lines.join('\n')
}

const goals: Section = (m) => {
  const g = m.goals
  if (!g) return null
  const body = goalGroups(g).map(({ label, goals: list }) => `### ${label} (${count(list.length)})\n\n${list.map(goalBlock).join('\n')}`)
  if (body.length === 0) return `${heading('goals')}\n\n${emptySectionText.goals}`
  return [heading('goals'), ...body, `_${mdText(g.rule)} Overdue as of ${day(g.asOf)}._`].join('\n\n')
}

const openSource: Section = (m) => {
  const o = m.openSource
  if (!o) return null
  if (o.total === 0) return `${heading('open-source')}\n\n${emptySectionText['open-source']}`
  const kinds = kindCounts(o.byKind)
  const parts = [heading('open-source'), `**${count(o.total)} contributions**, ${count(o.mergedPullRequests)} merged pull requests: ${kinds.join(', ')}.`]
  if (o.repositories.length > 0) {
    parts.push(
      `### Merged pull requests by repository\n\n${mdTable(
        ['Repository', 'Merged PRs', 'Pull requests', 'Contributions', 'Latest'],
        o.repositories.slice(0, listLimit).map((r) => [mdText(r.repo), `**${count(r.mergedPullRequests)}**`, count(r.pullRequests), count(r.contributions), day(r.lastDate)]),
        ['left', 'right', 'right', 'right', 'left'],
      )}${more(Math.min(listLimit, o.repositories.length), o.repositories.length)}`,
    )
  }
  const shown = activitiesOf(m, o.activityIds, listLimit)
  parts.push(`### Contributions\n\n${shown.map((a) => activityLine(a, true)).join('\n')}${more(shown.length, o.total)}`)
  return parts.join('\n\n')
}

const strategyWork: Section = (m) => {
  const w = m.strategyWork
  if (!w) return null
  if (w.total === 0) return `${heading('strategy-work')}\n\n${emptySectionText['strategy-work']}`
  const groups = w.groups.map((g) => {
    const shown = activitiesOf(m, g.activityIds, groupListLimit)
    return `### ${g.label} (${count(g.count)})\n\n${shown.map((a) => activityLine(a, false)).join('\n')}${more(shown.length, g.count)}`
  })
  return [heading('strategy-work'), ...groups].join('\n\n')
}

const bar = (n: number, max: number): string => (max === 0 || n === 0 ? '' : '█'.repeat(Math.max(1, Math.round((n / max) * 20))))

const heatmap: Section = (m) => {
  const h = m.heatmap
  if (!h) return null
  const max = h.months.reduce((x, mo) => Math.max(x, mo.total), 0)
  const streak = h.longestStreak.length > 0 && h.longestStreak.from && h.longestStreak.to
    ? ` The longest streak ran ${count(h.longestStreak.length)} ${h.longestStreak.length === 1 ? 'day' : 'days'} (${day(h.longestStreak.from)} to ${day(h.longestStreak.to)}).`
    : ''
  const active = m.figures.activeDays
  const table = mdTable(
    ['Month', 'Open source', 'Other', 'Total', ''],
    monthsShown(m, h.months).map((mo) => [month(mo.month), count(mo.openSource), count(mo.strategyWork), `**${count(mo.total)}**`, bar(mo.total, max)]),
    ['left', 'right', 'right', 'right', 'left'],
  )
  // A reader who weighs outcomes gets the months that had work: no day count, no streak.
  if (outcomesOnly(m)) return [heading('heatmap'), table].join('\n\n')
  return [heading('heatmap'), `Work was logged on ${count(active)} of ${count(m.period.days)} days.${streak}`, table].join('\n\n')
}

const sections: Record<ReportSectionId, Section> = {
  summary,
  outcomes,
  comparison,
  roadmap,
  skills,
  goals,
  'open-source': openSource,
  'strategy-work': strategyWork,
  heatmap,
}

/** Clean GitHub-flavoured Markdown: paste it into a README or a review document. */
export function renderMarkdown(model: ReportModel): string {
  const who = byline(model)
  const head = [
    `# ${mdText(model.title)}`,
    [
      who ? `**${mdText(who)}**` : null,
      `**${mdText(model.period.label)}** · ${mdText(model.period.range)}`,
      `Generated ${day(model.generatedOn)} · times in ${mdText(model.period.timeZone)}`,
    ]
      .filter(Boolean)
      .join('  \n'),
    `> ${mdText(model.intro)}`,
  ]
  const note = redactionNote(model)
  if (note) head.push(`_${mdText(note)}_`)
  const body = model.empty
    ? [`**${mdText(model.emptyMessage ?? 'Nothing was logged in this period.')}**`, ...model.highlights.map((h) => mdText(h))]
    : model.sections.map((id) => sections[id](model)).filter((s): s is string => s !== null)
  const foot = `---\n\n_Made with Pathfinder from the activity log kept on this computer._`
  return `${[...head, ...body, foot].join('\n\n')}\n`
}
