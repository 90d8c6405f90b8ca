import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportOptionsInput } from '@shared/contract/reports'
import { reportTemplates, type ReportModel, type ReportTemplate } from '@shared/domain/report'
import { parseCsv } from '../../electron/core/csv/csvText'
import { createPdfPrinter } from '../../electron/web/pdf'
import { apiOf, must } from '../support/api'
import { openClockedCore, seedYear } from '../support/reportSeed'

/**
 * A report whose numbers disagree with its own tables argues against its author. Every total a
 * format prints is checked against the rows of the table it prints beside it, in Markdown,
 * HTML, PDF (as pdftotext reads it), JSON and CSV, for every template. The fixture holds the
 * case that broke it: a merged pull request logged with its GitHub link and no repository.
 */
const work = mkdtempSync(join(tmpdir(), 'pathfinder-totals-'))
const printer = createPdfPrinter(chromium)
let clocked: Awaited<ReturnType<typeof openClockedCore>>
let api: ReturnType<typeof apiOf>

beforeAll(async () => {
  clocked = await openClockedCore('2025-12-01T00:00:00Z')
  api = apiOf(clocked.core)
  await seedYear(api, clocked.set)
  await must(
    api.activities.create({ kind: 'pull-request', date: '2026-10-02', title: 'Merged with a link only', url: 'https://github.com/expressjs/express/pull/9', state: 'merged' }),
  )
})
afterAll(async () => {
  await printer.close()
  clocked.core.dispose()
  rmSync(work, { recursive: true, force: true })
})

interface RepoRow {
  repo: string
  merged: number
  pullRequests: number
  contributions: number
}

/** What one format prints about open-source work: its totals, and the rows they must add up from. */
interface Ledger {
  lead: { contributions: number; merged: number } | null
  repoRows: RepoRow[]
  /** Rows of the contributions list, and how many of them are merged pull requests. */
  listed: number | null
  mergedListed: number | null
  highlight: { merged: number; repositories: number } | null
  tiles: Map<string, number>
}

const num = (s: string | undefined): number => Number((s ?? '').replace(/,/g, ''))
const sum = (rows: readonly RepoRow[], key: 'merged' | 'pullRequests' | 'contributions') => rows.reduce((n, r) => n + r[key], 0)
const highlightOf = (text: string) => {
  const m = /Merged (\d[\d,]*) pull requests? in (\d[\d,]*) repositor/.exec(text)
  return m ? { merged: num(m[1]), repositories: num(m[2]) } : null
}

function markdownLedger(md: string): Ledger {
  const lead = /\*\*(\d[\d,]*) contributions?\*\*, (\d[\d,]*) merged pull requests?/.exec(md)
  const table = md.split('### Merged pull requests by repository')[1]?.split('\n\n')[1] ?? ''
  const repoRows = table
    .split('\n')
    .slice(2)
    .map((line) => line.split(' | ').map((c) => c.replace(/^\| |\*\*/g, '')))
    .map(([repo, merged, prs, contributions]) => ({ repo: repo ?? '', merged: num(merged), pullRequests: num(prs), contributions: num(contributions) }))
  const list = md.split('### Contributions\n\n')[1]?.split('\n\n')[0]?.split('\n').filter((l) => l.startsWith('- ')) ?? null
  const tiles = new Map([...md.matchAll(/^\| ([^|]+) \| \*\*([\d,]+)%?\*\* \|/gm)].map((m) => [m[1] ?? '', num(m[2])]))
  return {
    lead: lead ? { contributions: num(lead[1]), merged: num(lead[2]) } : null,
    repoRows,
    listed: list?.length ?? null,
    mergedListed: list?.filter((l) => l.includes('Pull request (merged)')).length ?? null,
    highlight: highlightOf(md),
    tiles,
  }
}

function htmlLedger(html: string): Ledger {
  const text = html.replace(/<svg[\s\S]*?<\/svg>/g, '')
  const lead = /<strong>(\d[\d,]*) contributions?<\/strong> and <strong>(\d[\d,]*) merged pull requests?<\/strong>/.exec(text)
  const repoTable = text.split('<h3>Merged pull requests by repository</h3>')[1]?.split('</table>')[0] ?? ''
  const repoRows = [...repoTable.matchAll(/<tr><td>([^<]+)<\/td><td class="num"><strong>([\d,]+)<\/strong><\/td><td class="num">([\d,]+)<\/td><td class="num">([\d,]+)<\/td>/g)].map((m) => ({
    repo: m[1] ?? '',
    merged: num(m[2]),
    pullRequests: num(m[3]),
    contributions: num(m[4]),
  }))
  const list = /<h3>Contributions[^<]*<span class="n">[\d,]+<\/span><\/h3>(<table[\s\S]*?<\/table>)/.exec(text)?.[1]
  const rows = list ? [...list.matchAll(/<tr><td class="nowrap">/g)].length : null
  const tiles = new Map([...text.matchAll(/<div class="kpi-value">([\d,]+)%?<\/div><div class="kpi-label">([^<]+)<\/div>/g)].map((m) => [m[2] ?? '', num(m[1])]))
  return {
    lead: lead ? { contributions: num(lead[1]), merged: num(lead[2]) } : null,
    repoRows,
    listed: rows,
    mergedListed: list ? [...list.matchAll(/Pull request <span class="badge merged">/g)].length : null,
    highlight: highlightOf(text),
    tiles,
  }
}

function pdfLedger(text: string): Ledger {
  const flat = text.replace(/\s+/g, ' ')
  const lead = /(\d[\d,]*) contributions? and (\d[\d,]*) merged pull requests?/.exec(flat)
  const repoRows = [...text.matchAll(/^\s*([\w.-]+\/[\w.-]+)\s+(\d[\d,]*)\s+(\d[\d,]*)\s+(\d[\d,]*)\s+\d{1,2} \w{3} \d{4}\s*$/gm)].map((m) => ({
    repo: m[1] ?? '',
    merged: num(m[2]),
    pullRequests: num(m[3]),
    contributions: num(m[4]),
  }))
  const listLines = [...text.matchAll(/^\s*\d{1,2} \w{3} \d{4}\s{2,}(Pull request|Issue|Code review|Documentation|Release|Commits)\b(.*)$/gm)]
  return {
    lead: lead ? { contributions: num(lead[1]), merged: num(lead[2]) } : null,
    repoRows,
    listed: listLines.length,
    mergedListed: listLines.filter((m) => m[1] === 'Pull request' && /^\s*Merged\b/.test(m[2] ?? '')).length,
    highlight: highlightOf(flat),
    tiles: new Map(),
  }
}

/** The checks every format owes: each total is the sum of its own table's rows. */
function expectAgrees(ledger: Ledger, model: ReportModel, where: string) {
  const o = model.openSource
  if (o === null || o.total === 0) return
  expect(ledger.lead, `${where}: the section's lead line`).not.toBeNull()
  const lead = ledger.lead ?? { contributions: -1, merged: -1 }
  expect(ledger.repoRows.length, `${where}: repository rows`).toBe(o.repositories.length)
  expect(sum(ledger.repoRows, 'contributions'), `${where}: contributions = sum of the repository table`).toBe(lead.contributions)
  expect(sum(ledger.repoRows, 'merged'), `${where}: merged PRs = sum of the repository table`).toBe(lead.merged)
  if (ledger.listed !== null && lead.contributions <= 100) {
    expect(ledger.listed, `${where}: contributions = rows of the list`).toBe(lead.contributions)
    expect(ledger.mergedListed, `${where}: merged PRs = merged rows of the list`).toBe(lead.merged)
  }
  if (ledger.highlight) {
    expect(ledger.highlight.merged, `${where}: the summary's merged count`).toBe(lead.merged)
    expect(ledger.highlight.repositories, `${where}: the summary's repositories`).toBe(ledger.repoRows.filter((r) => r.merged > 0).length)
  }
  const tile = (label: string) => ledger.tiles.get(label)
  if (tile('Merged pull requests') !== undefined) expect(tile('Merged pull requests'), `${where}: merged tile`).toBe(lead.merged)
  if (tile('Repositories') !== undefined) expect(tile('Repositories'), `${where}: repositories tile`).toBe(ledger.repoRows.length)
  if (tile('Open-source contributions') !== undefined) expect(tile('Open-source contributions'), `${where}: contributions tile`).toBe(lead.contributions)
  if (tile('Activities logged') !== undefined) expect(tile('Activities logged'), `${where}: activities tile`).toBe(model.activities.length)
}

function expectModelAgrees(model: ReportModel, where: string) {
  const byId = new Map(model.activities.map((a) => [a.id, a]))
  const o = model.openSource
  if (o) {
    expect(sum(o.repositories.map((r) => ({ ...r, merged: r.mergedPullRequests })), 'contributions'), `${where}: JSON contributions`).toBe(o.total)
    expect(o.repositories.reduce((n, r) => n + r.mergedPullRequests, 0), `${where}: JSON merged`).toBe(o.mergedPullRequests)
    expect(o.activityIds.length, `${where}: JSON listed`).toBe(o.total)
    expect(o.activityIds.filter((id) => byId.get(id)?.kind === 'pull-request' && byId.get(id)?.state === 'merged').length).toBe(o.mergedPullRequests)
    expect(o.byKind.reduce((n, k) => n + k.count, 0), `${where}: JSON kinds`).toBe(o.total)
    expect(model.figures.repositories).toBe(o.repositories.length)
    expect(model.figures.mergedPullRequests).toBe(o.mergedPullRequests)
  }
  const w = model.strategyWork
  if (w) {
    expect(w.groups.reduce((n, g) => n + g.count, 0), `${where}: JSON strategy work`).toBe(w.total)
    for (const g of w.groups) expect(g.activityIds.length).toBe(g.count)
  }
  const h = model.heatmap
  if (h) {
    expect(h.months.reduce((n, m) => n + m.total, 0), `${where}: JSON months`).toBe(model.activities.length)
    for (const m of h.months) expect(m.openSource + m.strategyWork).toBe(m.total)
  }
  for (const kpi of model.kpis) expect(kpi.value, `${where}: tile ${kpi.key}`).toBe(model.figures[kpi.key])
}

function expectCsvAgrees(csv: string, model: ReportModel, where: string) {
  const parsed = parseCsv(csv, ',')
  const [header, ...rows] = parsed.records.map((r) => r.cells)
  const col = (name: string) => header?.indexOf(name) ?? -1
  const activities = rows.filter((r) => r[col('record')] === 'activity')
  expect(activities.length, `${where}: CSV rows`).toBe(model.activities.length)
  const merged = activities.filter((r) => r[col('kind')] === 'Pull request' && r[col('state')] === 'Merged')
  expect(merged.length, `${where}: CSV merged`).toBe(model.figures.mergedPullRequests)
  // Every merged pull request in the file names its repository.
  expect(merged.filter((r) => (r[col('repository')] ?? '') === '')).toEqual([])
}

const optionsFor = (template: ReportTemplate): ReportOptionsInput => ({
  period: { preset: 'this-year' },
  timeZone: 'Europe/Berlin',
  template,
  author: { name: 'Jane Doe', title: 'Backend Developer' },
})

describe('every total in a report equals the sum of its own table', () => {
  it('fills the repository of a pull request logged with only its link', async () => {
    const page = await must(api.activities.list({ search: 'Merged with a link only' }))
    expect(page.rows.map((a) => a.repo)).toEqual(['expressjs/express'])
  })

  it.each(reportTemplates)('in Markdown, HTML, JSON and CSV: %s', async (template) => {
    const options = optionsFor(template)
    const render = async (format: 'markdown' | 'html' | 'json' | 'csv') => (await must(api.reports.render({ options, format }))).content
    const model: ReportModel = JSON.parse(await render('json'))
    expectModelAgrees(model, `${template} JSON`)
    expectAgrees(markdownLedger(await render('markdown')), model, `${template} Markdown`)
    expectAgrees(htmlLedger(await render('html')), model, `${template} HTML`)
    expectCsvAgrees(await render('csv'), model, `${template} CSV`)
    if (model.openSource) expect(model.openSource.repositories.find((r) => r.repo === 'expressjs/express')?.mergedPullRequests).toBe(1)
  })

  it.each(reportTemplates)('in the PDF as pdftotext reads it: %s', async (template) => {
    const printable = await must(api.reports.printable({ options: optionsFor(template) }))
    const file = join(work, `${template}.pdf`)
    writeFileSync(file, await printer.print(printable.html, printable.pdf))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    const model: ReportModel = JSON.parse((await must(api.reports.render({ options: optionsFor(template), format: 'json' }))).content)
    expectAgrees(pdfLedger(text), model, `${template} PDF`)
  }, 60_000)
})
