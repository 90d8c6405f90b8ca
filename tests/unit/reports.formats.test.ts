import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportOptionsInput } from '@shared/contract/reports'
import { reportFormats, type ReportFormat, type ReportModel } from '@shared/domain/report'
import { parseCsv } from '../../electron/core/csv/csvText'
import { spreadsheetCell } from '../../electron/core/csv/formulaCells'
import { mdText } from '../../electron/core/reports/markdownText'
import { esc } from '../../electron/core/reports/htmlText'
import { apiOf, must } from '../support/api'
import { hostile, openClockedCore, secrets, seedYear } from '../support/reportSeed'

type Clocked = Awaited<ReturnType<typeof openClockedCore>>
let clocked: Clocked
let api: ReturnType<typeof apiOf>

beforeAll(async () => {
  clocked = await openClockedCore('2025-12-01T00:00:00Z')
  api = apiOf(clocked.core)
  await seedYear(api, clocked.set)
  // A goal that counts activities: its count must read the same in every format.
  await must(
    api.goals.create({
      title: 'Land four Spring Boot pull requests',
      startDate: '2026-01-01',
      targetDate: '2026-12-31',
      activityTarget: { count: 4, kinds: ['pull-request'], state: 'merged', repo: 'spring-projects/spring-boot', skillId: null, from: null, to: null },
    }),
  )
})
afterAll(() => clocked.core.dispose())

const base = { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' } as const

async function renderAll(options: ReportOptionsInput): Promise<Record<ReportFormat, string>> {
  const out: Partial<Record<ReportFormat, string>> = {}
  for (const format of reportFormats) out[format] = (await must(api.reports.render({ options, format }))).content
  const { markdown, html, json, csv } = out
  if (markdown === undefined || html === undefined || json === undefined || csv === undefined) throw new Error('A format did not render')
  return { markdown, html, json, csv }
}

const csvRecords = (csv: string) => {
  const parsed = parseCsv(csv, ',')
  expect(parsed.error).toBeNull()
  const [header, ...rows] = parsed.records.map((r) => r.cells)
  if (!header) throw new Error('The CSV has no header')
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])))
}

describe('every format', () => {
  it('leaves out private repositories, notes and salary ranges when asked', async () => {
    const all = await renderAll({ ...base, exclude: { privateRepositories: true, notes: true, salaryRanges: true } })
    const leaks = [secrets.privateRepo, 'secret-service', secrets.privateTitle, secrets.activityNote, secrets.itemNote, secrets.goalDescription, 'NOTE-SECRET', '$80,000', '80000', '120,000']
    for (const format of reportFormats) {
      for (const leak of leaks) expect(all[format], `${format} leaks "${leak}"`).not.toContain(leak)
    }
    expect(all.markdown).toContain('This report leaves out work in one private repository (2 activities), personal notes and salary ranges.')

    // And each one is there when not left out, so the check above can fail.
    const open = await renderAll({ ...base, exclude: { privateRepositories: false, notes: false, salaryRanges: false } })
    for (const format of ['markdown', 'html', 'json'] as const) {
      expect(open[format], format).toContain(secrets.privateTitle)
      expect(open[format], format).toContain('NOTE-SECRET-ACTIVITY')
      expect(open[format], format).toContain('NOTE-SECRET-GOAL')
    }
    expect(open.csv).toContain(secrets.privateTitle)
    expect(open.csv).toContain('NOTE-SECRET-ACTIVITY')
    expect(open.markdown).toContain('$80,000–$120,000 a year')
    expect(open.html).toContain('$80,000–$120,000 a year')
  })

  it('prints hostile titles as text: no script in HTML, no javascript: link in Markdown', async () => {
    const { markdown, html, csv, json } = await renderAll({ ...base, template: 'personal-review' })
    // HTML: not a single script element, the titles escaped where they appear.
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i)
    expect(html).toContain(esc(hostile.script))
    expect(html).toContain('](javascript:x)')
    expect(html).not.toMatch(/\son[a-z]+=/i)
    // Markdown: the characters are escaped, so no link or HTML tag can form.
    expect(markdown).not.toContain('<script')
    expect(markdown).not.toMatch(/\]\(javascript:/i)
    expect(markdown).not.toMatch(/\]\([^)]*javascript:/i)
    expect(markdown).toContain(mdText(hostile.script))
    expect(markdown).toContain(mdText(hostile.link))
    expect(mdText(hostile.link)).toBe('\\]\\(javascript:x)')
    expect(mdText(hostile.script)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(mdText('R&amp;D & co')).toBe('R\\&amp;D & co')
    // Every Markdown link goes to http(s).
    for (const [, target] of markdown.matchAll(/\]\(([^)]*)\)/g)) expect(target).toMatch(/^https?:\/\//)
    // JSON keeps the text as it is; CSV too, formulas defused.
    const parsed: ReportModel = JSON.parse(json)
    expect(parsed.activities.map((a) => a.title)).toContain(hostile.script)
    expect(csvRecords(csv).map((r) => r.title)).toContain(`'${hostile.formula}`)
  })

  it('agree with the store on every figure', async () => {
    const options = { ...base, template: 'personal-review', exclude: { privateRepositories: true } } as const
    const { markdown, html, json, csv } = await renderAll(options)
    const model: ReportModel = JSON.parse(json)
    const db = clocked.core.db
    const where = `deleted_at IS NULL AND date BETWEEN '2026-01-01' AND '2026-11-25' AND coalesce(repo, '') NOT LIKE 'acme/%' AND coalesce(url, '') NOT LIKE '%/acme/%'`
    const sql = (q: string): number => Number(db.prepare(q).pluck().get())
    const expected = {
      activities: sql(`SELECT count(*) FROM activity WHERE ${where}`),
      activeDays: sql(`SELECT count(DISTINCT date) FROM activity WHERE ${where}`),
      mergedPullRequests: sql(`SELECT count(*) FROM activity WHERE ${where} AND kind = 'pull-request' AND state = 'merged'`),
      openSourceContributions: sql(`SELECT count(*) FROM activity WHERE ${where} AND kind IN ('pull-request','issue','code-review','docs','release','commits')`),
      repositories: sql(`SELECT count(DISTINCT lower(repo)) FROM activity WHERE ${where} AND kind IN ('pull-request','issue','code-review','docs','release','commits') AND repo IS NOT NULL`),
      strategyWork: sql(`SELECT count(*) FROM activity WHERE ${where} AND kind NOT IN ('pull-request','issue','code-review','docs','release','commits')`),
      goalsDone: sql(`SELECT count(*) FROM goal WHERE status = 'done' AND archived_at IS NULL AND updated_at >= '2025-12-31T23:00:00.000Z'`),
      milestonesDone: sql(`SELECT count(*) FROM milestone WHERE done_at >= '2025-12-31T23:00:00.000Z'`),
    }
    expect(expected).toEqual({ activities: 9, activeDays: 9, mergedPullRequests: 3, openSourceContributions: 6, repositories: 2, strategyWork: 3, goalsDone: 1, milestonesDone: 2 })

    // JSON: the model's figures.
    expect(model.figures).toMatchObject(expected)
    // CSV: one row per activity, counted the same way.
    const rows = csvRecords(csv)
    const activities = rows.filter((r) => r.record === 'activity')
    expect(activities).toHaveLength(expected.activities)
    expect(activities.filter((r) => r.kind === 'Pull request' && r.state === 'Merged')).toHaveLength(expected.mergedPullRequests)
    expect(new Set(activities.map((r) => r.date)).size).toBe(expected.activeDays)
    expect(rows.filter((r) => r.record === 'goal' && r.kind === 'Completed')).toHaveLength(expected.goalsDone)
    // Markdown and HTML: the tiles and the section sentences.
    const tile = (label: string, value: number) => {
      expect(markdown).toContain(`| ${label} | **${value}** |`)
      expect(html).toContain(`<div class="kpi-value">${value}</div><div class="kpi-label">${label}</div>`)
    }
    tile('Activities logged', expected.activities)
    tile('Merged pull requests', expected.mergedPullRequests)
    tile('Goals completed', expected.goalsDone)
    tile('Beyond code', expected.strategyWork)
    expect(markdown).toContain(`**${expected.openSourceContributions} contributions**, ${expected.mergedPullRequests} merged pull requests`)
    expect(html).toContain(`<strong>${expected.openSourceContributions} contributions</strong> and <strong>${expected.mergedPullRequests} merged pull requests</strong>`)
    expect(markdown).toContain(`Work was logged on ${expected.activeDays} of ${model.period.days} days.`)
    expect(html).toContain(`Work was logged on <strong>${expected.activeDays}</strong> of ${model.period.days} days.`)
    const reposTable = markdown.split('### Merged pull requests by repository')[1]?.split('###')[0] ?? ''
    expect(reposTable.match(/^\| (?!Repository|---)/gm)).toHaveLength(expected.repositories)
  })

  it('agree with the store on an activity-driven goal’s count, and print it beside the percentage', async () => {
    const { markdown, html, json, csv } = await renderAll({ ...base, template: 'personal-review' })
    const model: ReportModel = JSON.parse(json)
    const counted = Number(
      clocked.core.db
        .prepare(`SELECT count(*) FROM activity WHERE deleted_at IS NULL AND kind = 'pull-request' AND state = 'merged' AND repo = 'spring-projects/spring-boot' AND date BETWEEN '2026-01-01' AND '2026-11-25'`)
        .pluck()
        .get(),
    )
    expect(counted).toBe(3)
    const text = `${counted} of 4 merged pull requests`
    const percentage = `${Math.round((counted / 4) * 100)}%`

    // JSON: the count beside the progress it makes; goals without a target carry none.
    const goals = [...(model.goals?.done ?? []), ...(model.goals?.inProgress ?? []), ...(model.goals?.overdue ?? [])]
    const goal = goals.find((g) => g.title === 'Land four Spring Boot pull requests')
    expect(goal).toMatchObject({ activityTally: { counted, target: 4, noun: 'merged pull requests' }, progress: counted / 4 })
    expect(goals.filter((g) => g.activityTally === null)).toHaveLength(goals.length - 1)
    // CSV: the numbers in their own columns, the percentage made from them.
    const row = csvRecords(csv).find((r) => r.record === 'goal' && r.title === 'Land four Spring Boot pull requests')
    expect(row).toMatchObject({ activities_counted: String(counted), activities_target: '4', activities_noun: 'merged pull requests', progress_percent: String(Math.round((counted / 4) * 100)) })
    expect(csvRecords(csv).filter((r) => r.record === 'goal' && r.activities_counted !== '')).toHaveLength(1)
    // Markdown and HTML (and the PDF printed from it): the words beside the percentage.
    expect(markdown).toContain(`- **Land four Spring Boot pull requests** — ${text} (${percentage}) · medium priority · target 31 Dec 2026`)
    expect(html).toContain(`Target 31 Dec 2026 · Medium priority · ${text} · <strong>${percentage}</strong>`)
  })

  it('makes HTML that loads nothing: no script, no external source, links only to the user’s own http(s) work', async () => {
    const { html, json } = await renderAll({ ...base, exclude: { privateRepositories: false } })
    const model: ReportModel = JSON.parse(json)
    const userLinks = new Set(model.activities.flatMap((a) => (a.url ? [new URL(a.url).href] : [])))
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/)
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|video|audio|source|base|form)\b/i)
    expect(html).not.toMatch(/\ssrc\s*=/i)
    expect(html).not.toMatch(/xlink:href=/i)
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'))
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) expect(userLinks.has(href), `unexpected link ${href}`).toBe(true)
    // No other attribute names a web address but the SVG namespaces, which are never fetched;
    // a URL typed into a title is text, escaped like any other.
    const attributes = [...html.matchAll(/\s([a-z:-]+)\s*=\s*"([^"]*https?:[^"]*)"/gi)].map((m) => `${m[1]}=${m[2]}`)
    expect(new Set(attributes.filter((a) => !a.startsWith('href=')))).toEqual(new Set(['xmlns=http://www.w3.org/2000/svg', 'xmlns:xlink=http://www.w3.org/1999/xlink']))
    const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>|\sstyle="([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '')
    for (const css of styles) expect(css).not.toMatch(/https?:|@import|url\(/i)
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)')
    // Charts are inline SVG drawn by ECharts: the heatmap, months and repositories.
    expect(html.match(/<svg\b/g)).toHaveLength(3)
    // Print rules: rows and charts are never split across pages.
    expect(html).toMatch(/tr, \.goal, figure, \.kpi, \.notice \{ break-inside: avoid;/)
    expect(html).toMatch(/@page \{ size: A4;/)
  })

  it('writes RFC 4180 CSV that a spreadsheet cannot run', () => {
    expect(spreadsheetCell('plain')).toBe('plain')
    expect(spreadsheetCell('a, "b"\nc')).toBe('"a, ""b""\nc"')
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(spreadsheetCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/)
    expect(spreadsheetCell('=1,2')).toBe(`"'=1,2"`)
    expect(spreadsheetCell(-3)).toBe('-3')
    expect(spreadsheetCell(null)).toBe('')
  })

  it('ends CSV lines in CRLF and quotes only what needs it', async () => {
    const { csv } = await renderAll(base)
    expect(csv.split('\r\n')[0]).toBe('record,id,date,kind,title,repository,state,url,hours,skills,goal_id,status,start_date,target_date,progress_percent,milestones_done,milestones,activities_counted,activities_target,activities_noun,notes,impact,starred')
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n/)
    expect(csv.endsWith('\r\n')).toBe(true)
  })

  it('names files after the author, the template and the dates', async () => {
    const rendered = await must(api.reports.render({ options: { ...base, template: 'job-application', author: { name: 'Zoë O’Brien', title: 'Backend Engineer' } }, format: 'html' }))
    expect(rendered).toMatchObject({ fileName: 'zoe-o-brien-development-record-2026-01-01-to-2026-11-25.html', mimeType: 'text/html; charset=utf-8' })
    expect(rendered.content).toContain('Zoë O’Brien · Backend Engineer')
    const printable = await must(api.reports.printable({ options: { ...base, pageSize: 'letter', author: { name: '<b>Zoë</b>' } } }))
    expect(printable.fileName).toBe('b-zoe-b-progress-review-2026-01-01-to-2026-11-25.pdf')
    expect(printable.pdf).toMatchObject({ pageSize: 'Letter', displayHeaderFooter: true, printBackground: true })
    expect(printable.pdf.footerTemplate).toContain('&lt;b&gt;Zoë&lt;/b&gt; · Progress review · 2026')
    expect(printable.pdf.footerTemplate).toContain('<span class="pageNumber"></span> of <span class="totalPages"></span>')
    expect(printable.pdf.footerTemplate).toContain('Generated 25 Nov 2026')
    expect(printable.html).toMatch(/@page \{ size: Letter;/)
  })
})
