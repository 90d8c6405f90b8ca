import { itemStatusLabels, skillLevelLabels, skillLevels, type ItemStatus } from '@shared/domain/roadmap'
import { goalPriorityLabels } from '@shared/domain/goals'
import type { Progress } from '@shared/domain/progress'
import {
  reportSectionLabels,
  reportTemplateSpecs,
  type ReportActivity,
  type ReportGoal,
  type ReportModel,
  type ReportProgressRow,
  type ReportSectionId,
} from '@shared/domain/report'
import { heatmapChart, heatmapYears, monthlyChart, repositoriesChart } from './charts'
import { chartTheme } from './theme'
import { esc, link } from './htmlText'
import { contentWidthPx, reportCss } from './reportCss'
import {
  activitiesOf,
  byline,
  count,
  day,
  emptySectionText,
  goalGroups,
  groupListLimit,
  type GoalGroupKind,
  kindCounts,
  kindLabel,
  level,
  levelGain,
  listLimit,
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

type Section = (model: ReportModel, width: number) => string | null

/**
 * A heading and what comes first under it, in one box that never splits across pages: Chromium
 * takes break-after: avoid as a hint it drops before a table or a card that will not split,
 * which left "Talks 1" as the last line of a page and its one row on the next.
 */
const keepStart = '<div class="keep-start">'
const keepEnd = '</div><!--/keep-->'
const headed = (heading: string, first: string, rest = ''): string => `${keepStart}${heading}${first}${keepEnd}${rest}`

/** The section's heading joins the box of its first block (a lead line, a kept heading and its rows). */
function section(id: ReportSectionId, body: string): string {
  const h2 = `<h2>${esc(reportSectionLabels[id])}</h2>`
  const lead = /^<p class="lead">[\s\S]*?<\/p>/.exec(body)?.[0]
  const start = lead ?? ''
  const after = body.slice(start.length)
  // The first kept box ends at its marker: the section's heading joins that box, not the whole section.
  const end = after.startsWith(keepStart) ? after.indexOf(keepEnd) + keepEnd.length : -1
  const content =
    end > keepEnd.length - 1 ? headed(h2, `${start}${after.slice(0, end)}`, after.slice(end)) : start !== '' ? headed(h2, start, after) : `${h2}${body}`
  return `<section class="section" id="${id}">${content}</section>`
}

/** Up to this many rows a table moves to the next page whole rather than leave a row or two behind. */
const keepTogetherRows = 3
/** A heading over a table: kept with the whole table when it is short, else left to the table's own breaks. */
const headedTable = (heading: string, rows: number, tableHtml: string, rest = ''): string =>
  rows <= keepTogetherRows ? headed(heading, tableHtml, rest) : `${heading}${tableHtml}${rest}`
/** A heading over a list: kept with its first item. */
const headedList = (heading: string, listClass: string, items: readonly string[], rest = ''): string =>
  headed(heading, `<ul class="${listClass}">${items.slice(0, 1).join('')}</ul>`, `${items.length > 1 ? `<ul class="${listClass} cont">${items.slice(1).join('')}</ul>` : ''}${rest}`)

/** `widths` (percentages) fix the columns, so tables one under another line up. */
const table = (head: string, rows: readonly string[], widths?: readonly number[]): string => {
  const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : ''
  const classes = [widths ? 'fixed' : '', rows.length <= keepTogetherRows ? 'keep' : ''].filter(Boolean).join(' ')
  return `<table${classes ? ` class="${classes}"` : ''}>${cols}<thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`
}

const more = (shown: number, total: number): string =>
  total > shown ? `<p class="more">…and ${count(total - shown)} more; the CSV and JSON exports list them all.</p>` : ''

const change = (n: number | null, unit = ''): string =>
  n === null || n === 0 ? `<span class="flat">${n === 0 ? '0' : '–'}</span>` : `<span class="${n > 0 ? 'up' : 'down'}">${esc(signed(n, unit))}</span>`

/** A progress bar: what stood at the start in blue, what the period added in green. */
function bar(p: { start: Progress; end: Progress }): string {
  const end = Math.round((p.end.ratio ?? 0) * 100)
  const start = Math.min(end, Math.round((p.start.ratio ?? 0) * 100))
  const gain = end - start
  return `<div class="bar" role="img" aria-label="${esc(percent(p.end.ratio))}"><span class="base" style="width:${start}%"></span>${gain > 0 ? `<span class="gain" style="width:${gain}%"></span>` : ''}</div>`
}

const clampLevel = (n: number | null): number => Math.max(0, Math.min(5, n ?? 0))
function pips(start: number | null, end: number | null): string {
  const from = clampLevel(start)
  const to = clampLevel(end)
  const dots = skillLevels.slice(1).map((l) => `<i class="${l <= Math.min(from, to) ? 'on' : l <= to ? 'gain' : ''}"></i>`)
  const name = end !== null && skillLevels.some((l) => l === end) ? esc(level(end)) : '–'
  return `<span class="pips" role="img" aria-label="Level ${to} of 5">${dots.join('')}</span><span class="level-name">${name}</span>`
}

/**
 * "spring-projects/spring-boot" wraps after the owner, not at the hyphen inside a name: each
 * part of a reasonable length stays whole. Takes escaped text.
 */
const breakAtSlash = (escaped: string): string =>
  escaped
    .split('/')
    .map((part) => (part.length <= 32 ? `<span class="whole">${part}</span>` : part))
    .join('/<wbr>')

const activityRow = (a: ReportActivity, withKind: boolean): string => {
  const notes = a.notes ? `<span class="notes">${esc(a.notes)}</span>` : ''
  const state = a.state ? ` <span class="badge ${a.state}">${esc(stateLabel(a))}</span>` : ''
  return `<tr><td class="nowrap">${esc(day(a.date))}</td>${withKind ? `<td class="nowrap">${esc(kindLabel(a))}${state}</td>` : ''}<td class="title">${link(a.title, a.url)}${notes}</td><td class="where">${breakAtSlash(esc(whereOf(a)))}</td></tr>`
}

const summary: Section = (m) => {
  const tiles = m.kpis
    .map(
      (k) =>
        `<div class="kpi"><div class="kpi-value">${esc(k.display)}</div><div class="kpi-label">${esc(k.label)}</div>${k.detail ? `<div class="kpi-detail">${esc(k.detail)}</div>` : ''}</div>`,
    )
    .join('')
  const highlights = m.highlights.length > 0 ? `<ul class="highlights">${m.highlights.map((h) => `<li>${esc(h)}</li>`).join('')}</ul>` : ''
  return section('summary', `<div class="kpis">${tiles}</div>${highlights}`)
}

const comparison: Section = (m) => {
  const c = m.comparison
  if (!c) return null
  if (c.previous === null) return section('comparison', '<p class="lead">This is the first exported report; the next one will compare its figures with this one.</p>')
  const rows = c.rows.map((r) => {
    const unit = r.key === 'roadmapProgress' ? '%' : ''
    const value = (v: number | null) => (v === null ? '–' : `${count(v)}${unit}`)
    return `<tr><td>${esc(r.label)}</td><td class="num">${value(r.previous)}</td><td class="num"><strong>${value(r.current)}</strong></td><td class="num">${change(r.change, r.key === 'roadmapProgress' ? ' pts' : '')}</td></tr>`
  })
  const intro = `<p class="lead">Compared with the last report, “${esc(c.previous.title)}” for ${esc(c.previous.periodLabel)}, exported on ${esc(day(c.previous.exportedAt.slice(0, 10)))}.</p>`
  return section('comparison', intro + table('<th>Figure</th><th class="num">Last report</th><th class="num">This report</th><th class="num">Change</th>', rows))
}

const progressTable = (label: string, rows: readonly ReportProgressRow[], extra?: (i: number) => string, extraHead = ''): string =>
  table(
    `<th>${esc(label)}</th><th>Progress</th><th class="num">Now</th><th class="num">Change</th><th class="num">Done</th>${extraHead}`,
    rows.map(
      (r, i) =>
        `<tr><td>${esc(r.title)}</td><td>${bar(r)}</td><td class="num"><strong>${esc(percent(r.end.ratio))}</strong></td><td class="num">${change(progressChange(r), ' pts')}</td><td class="num">${count(r.end.done)} of ${count(r.end.counted)}</td>${extra ? extra(i) : ''}</tr>`,
    ),
    extra ? [30, 22, 8, 10, 9, 21] : [42, 26, 9, 12, 11],
  )

const roadmap: Section = (m) => {
  const r = m.roadmap
  if (!r) return null
  const delta = progressChange(r.overall)
  const overall = `<div class="overall"><span class="big">${esc(percent(r.overall.end.ratio))}</span><span class="lead">of the ${esc(r.pathTitle)} path${delta !== null && delta !== 0 ? `, ${change(delta, ' pts')} in the period (from ${esc(percent(r.overall.start.ratio))})` : ''}</span></div>`
  const legend = '<div class="legend"><span><i class="base"></i>At the start of the period</span><span><i class="gain"></i>Gained in the period</span></div>'
  const parts = [overall, bar(r.overall), legend, progressTable('Stage', r.stages)]
  if (r.tracks.length > 0) {
    const withSalary = r.tracks.some((t) => t.salary !== null)
    parts.push(
      progressTable(
        'Track',
        r.tracks,
        withSalary ? (i) => `<td class="nowrap">${(() => { const s = r.tracks[i]?.salary; return s ? esc(salary(s)) : '–' })()}</td>` : undefined,
        withSalary ? '<th>Salary range</th>' : '',
      ),
    )
  }
  if (r.strategyGroups.length > 0) parts.push(progressTable('Strategy group', r.strategyGroups))
  if (r.completed.length > 0) {
    parts.push(
      headedTable(
        `<h3>Completed in the period <span class="n">${count(r.completed.length)}</span></h3>`,
        r.completed.length,
        table(
          '<th style="width:18%">Date</th><th>Skill or strategy</th>',
          r.completed.map((c) => `<tr><td class="nowrap">${esc(day(c.on))}</td><td>${esc(c.title)}${c.unassessed ? ` <span class="badge flagged">${esc(unassessedText)}: not counted</span>` : ''}</td></tr>`),
        ),
      ),
    )
  }
  parts.push(`<p class="note">${esc(r.rule)}</p>`)
  return section('roadmap', parts.join(''))
}

/**
 * A skill that has a level but was never marked started reads better as no status than as "Not
 * started"; one marked done with no level is flagged, not shown as done.
 */
const statusBadge = (status: ItemStatus, unassessed = false): string =>
  unassessed
    ? `<span class="badge flagged">${esc(unassessedText)}</span>`
    : status === 'not-started'
      ? '<span class="flat">–</span>'
      : `<span class="badge ${status}">${esc(itemStatusLabels[status])}</span>`

/** One piece of work as the outcomes section shows it: title, what and where, and its impact line. */
const outcomeItem = (a: ReportActivity): string => {
  const meta = [kindLabel(a) + (a.state === 'merged' ? ' · merged' : ''), whereOf(a), day(a.date)].filter(Boolean).join(' · ')
  return `<li><span class="o-title">${link(a.title, a.url)}</span><span class="o-meta">${esc(meta)}</span>${a.impact ? `<span class="o-impact">${esc(a.impact)}</span>` : ''}</li>`
}

const outcomes: Section = (m) => {
  const o = m.outcomes
  if (!o) return null
  const parts: string[] = []
  const list = (heading: string, ids: readonly number[]) => {
    const shown = activitiesOf(m, ids, listLimit)
    if (shown.length > 0) parts.push(headedList(`<h3>${esc(heading)}</h3>`, 'outcome-list', shown.map(outcomeItem), more(shown.length, ids.length)))
  }
  list(o.fromStars ? outcomeHeadings.starred : outcomeHeadings.picked, o.selected)
  list(outcomeHeadings.impact, o.impact)
  if (o.skillsGained.length > 0) {
    parts.push(headedList(`<h3>${outcomeHeadings.skills}</h3>`, 'outcome-list', o.skillsGained.map((g) => `<li><span class="o-title">${esc(g.title)}</span><span class="o-meta">${esc(levelGain(g))}</span></li>`)))
  }
  list(outcomeHeadings.certifications, o.certifications)
  list(outcomeHeadings.talks, o.talks)
  if (o.reviews.length > 0) {
    const quotes = o.reviews.map((r) => `<blockquote class="review"><span class="o-meta">Week of ${esc(day(r.weekOf))}</span><p>${esc(r.text)}</p></blockquote>`)
    parts.push(headed(`<h3>${outcomeHeadings.reviews}</h3>`, quotes.slice(0, 1).join(''), quotes.slice(1).join('')))
  }
  return section('outcomes', parts.length > 0 ? parts.join('') : `<p class="lead">${esc(outcomeHeadings.none)}</p>`)
}

const skills: Section = (m) => {
  const s = m.skills
  if (!s) return null
  if (s.rows.length === 0) return section('skills', `<p class="lead">${emptySectionText.skills}</p>`)
  const rows = s.rows.map(
    (r) =>
      `<tr><td><strong>${esc(r.title)}</strong>${r.parentTitle ? `<span class="sub">${esc(r.parentTitle)}</span>` : ''}${r.note ? `<span class="notes">${esc(r.note)}</span>` : ''}</td>` +
      `<td class="nowrap">${pips(r.levelStart, r.levelEnd)}</td><td class="num">${change(r.change === 0 ? null : r.change)}</td>` +
      `<td>${statusBadge(r.status, r.unassessed)}</td><td class="num">${count(r.activities)}</td></tr>`,
  )
  const intro = `<p class="lead">${s.improved > 0 ? `${count(s.improved)} ${s.improved === 1 ? 'skill' : 'skills'} levelled up in the period; green marks the levels gained.` : 'No skill changed level in the period.'} Levels are self-assessed from 1 (${esc(skillLevelLabels[1])}) to 5 (${esc(skillLevelLabels[5])}).</p>`
  return section('skills', intro + table('<th>Skill</th><th>Level</th><th class="num">Change</th><th>Status</th><th class="num">Activities</th>', rows))
}

function goalCard(g: ReportGoal, kind: GoalGroupKind): string {
  const badge = { done: 'Completed', 'in-progress': 'In progress', overdue: 'Overdue' }[kind]
  const meta = [
    g.completedOn ? `Completed ${day(g.completedOn)}` : g.targetDate ? `Target ${day(g.targetDate)}` : 'No target date',
    `${goalPriorityLabels[g.priority]} priority`,
    g.milestones.length > 0 ? `${count(g.milestones.filter((x) => x.doneOn !== null).length)} of ${count(g.milestones.length)} milestones` : null,
    tallyText(g),
  ].filter(Boolean)
  const milestones = g.milestones.length
    ? `<ul class="milestones">${g.milestones
        .map((ms) => {
          const when = ms.doneOn ? `reached ${day(ms.doneOn)}` : ms.dueDate ? `${ms.overdue ? 'overdue since' : 'due'} ${day(ms.dueDate)}` : ''
          return `<li><span class="check${ms.doneOn ? ' done' : ms.overdue ? ' late' : ''}"></span><span>${esc(ms.title)} ${when ? `<span class="when">${esc(when)}</span>` : ''}</span></li>`
        })
        .join('')}</ul>`
    : ''
  const fill = Math.round(g.progress * 100)
  return `<div class="goal"><div class="goal-head"><span class="goal-title">${esc(g.title)}</span><span class="badge ${kind}">${badge}</span></div>
<div class="goal-meta">${esc(meta.join(' · '))} · <strong>${esc(percent(g.progress))}</strong></div>
<div class="bar"><span class="${kind === 'done' ? 'gain' : 'base'}" style="width:${fill}%"></span></div>${g.description ? `<p>${esc(g.description)}</p>` : ''}${milestones}</div>`
}

const goals: Section = (m) => {
  const g = m.goals
  if (!g) return null
  const body = goalGroups(g).map(
    ({ label, goals: list, kind }) => {
      const cards = list.map((goal) => goalCard(goal, kind))
      return headed(`<h3>${label} <span class="n">${count(list.length)}</span></h3>`, cards.slice(0, 1).join(''), cards.slice(1).join(''))
    },
  )
  if (body.length === 0) return section('goals', `<p class="lead">${emptySectionText.goals}</p>`)
  return section('goals', `${body.join('')}<p class="note">${esc(g.rule)} Overdue as of ${esc(day(g.asOf))}.</p>`)
}

const openSource: Section = (m, width) => {
  const o = m.openSource
  if (!o) return null
  if (o.total === 0) return section('open-source', `<p class="lead">${emptySectionText['open-source']}</p>`)
  const kinds = kindCounts(o.byKind)
  const parts = [`<p class="lead"><strong>${count(o.total)} contributions</strong> and <strong>${count(o.mergedPullRequests)} merged pull requests</strong>: ${esc(kinds.join(', '))}.</p>`]
  if (o.repositories.length > 0) {
    parts.push(headed('<h3>Merged pull requests by repository</h3>', `<figure role="img" aria-label="Bar chart of merged pull requests and other contributions by repository; the table below has the figures">${repositoriesChart(o.repositories, width)}</figure>`))
    const shown = o.repositories.slice(0, listLimit)
    parts.push(
      table(
        '<th>Repository</th><th class="num">Merged PRs</th><th class="num">Pull requests</th><th class="num">Contributions</th><th>Latest</th>',
        shown.map((r) => `<tr><td>${esc(r.repo)}</td><td class="num"><strong>${count(r.mergedPullRequests)}</strong></td><td class="num">${count(r.pullRequests)}</td><td class="num">${count(r.contributions)}</td><td class="nowrap">${esc(day(r.lastDate))}</td></tr>`),
      ) + more(shown.length, o.repositories.length),
    )
  }
  const shown = activitiesOf(m, o.activityIds, listLimit)
  parts.push(
    headedTable(
      `<h3>Contributions <span class="n">${count(o.total)}</span></h3>`,
      shown.length,
      table('<th style="width:13%">Date</th><th style="width:20%">Type</th><th>Title</th><th>Repository</th>', shown.map((a) => activityRow(a, true))),
      more(shown.length, o.total),
    ),
  )
  return section('open-source', parts.join(''))
}

const strategyWork: Section = (m) => {
  const w = m.strategyWork
  if (!w) return null
  if (w.total === 0) return section('strategy-work', `<p class="lead">${emptySectionText['strategy-work']}</p>`)
  const groups = w.groups.map((g) => {
    const shown = activitiesOf(m, g.activityIds, groupListLimit)
    return headedTable(
      `<h3>${esc(g.label)} <span class="n">${count(g.count)}</span></h3>`,
      shown.length,
      table('<th style="width:13%">Date</th><th>Title</th><th>Where</th>', shown.map((a) => activityRow(a, false))),
      more(shown.length, g.count),
    )
  })
  return section('strategy-work', groups.join(''))
}

const heatmap: Section = (m, width) => {
  const h = m.heatmap
  if (!h) return null
  const streak = h.longestStreak.length > 1 && h.longestStreak.from && h.longestStreak.to
    ? ` The longest streak ran ${count(h.longestStreak.length)} days, from ${day(h.longestStreak.from)} to ${day(h.longestStreak.to)}.`
    : ''
  const scale = chartTheme.heat.map((c) => `<i style="background:${c}"></i>`).join('')
  const rows = heatmapYears(h).length
  const caption = `${h.truncated ? `The last ${count(rows)} years of the period, ` : ''}${day(h.from)} to ${day(h.to)}${rows > 1 ? ', one row per year' : ''}.`
  const months = monthsShown(m, h.months)
  const monthly = months.length > 0 ? headed('<h3>Activities per month</h3>', `<figure role="img" aria-label="Bar chart of open-source and other activities per month">${monthlyChart(months, width)}</figure>`) : ''
  // A reader who weighs outcomes gets the months that had work: no empty calendar, no streak.
  if (outcomesOnly(m)) return section('heatmap', monthly)
  return section(
    'heatmap',
    `<p class="lead">Work was logged on <strong>${count(m.figures.activeDays)}</strong> of ${count(m.period.days)} days.${esc(streak)}</p>` +
      `<figure role="img" aria-label="Calendar of activities per day, darker for busier days">${heatmapChart(h, width)}<div class="heat-legend"><span>Less</span>${scale}<span>More</span></div><figcaption>${esc(caption)}</figcaption></figure>` +
      monthly,
  )
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

/**
 * One self-contained HTML document: inline CSS, charts as inline SVG, no script and no
 * request of any kind (the Content-Security-Policy forbids every load, should anything try).
 * Every piece of user text is escaped; user links are http(s) anchors or plain text.
 */
export function renderHtml(model: ReportModel): string {
  const width = contentWidthPx(model.pageSize)
  const who = byline(model)
  const note = redactionNote(model)
  const header = `<header class="band">
<div class="band-top"><span class="brand"><span class="brand-mark"></span>Pathfinder</span><span>${esc(reportTemplateSpecs[model.template].label)} · generated ${esc(day(model.generatedOn))}</span></div>
<h1>${esc(model.title)}</h1>
<p class="period"><strong>${esc(model.period.label)}</strong> · ${esc(model.period.range)}</p>
${who ? `<div class="byline"><strong>${esc(who)}</strong></div>` : ''}
</header>
<p class="intro">${esc(model.intro)}</p>${note ? `<p class="redaction">${esc(note)}</p>` : ''}`
  const body = model.empty
    ? `<div class="notice"><strong>${esc(model.emptyMessage ?? 'Nothing was logged in this period.')}</strong>${model.highlights.map((h) => `<p>${esc(h)}</p>`).join('')}</div>`
    : model.sections.map((id) => sections[id](model, width)).filter((s): s is string => s !== null).join('\n')
  const foot = `<footer class="doc-foot"><p>Made with Pathfinder from the activity log kept on this computer. Dates are days in ${esc(model.period.timeZone)}.</p></footer>`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Pathfinder">
<title>${esc(`${model.title} · ${model.period.label}`)}</title>
<style>${reportCss(model.pageSize)}</style>
</head>
<body>
<main class="doc">
${header}
${body}
${foot}
</main>
</body>
</html>
`
}
