import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvLines, parseCsv } from '../../electron/core/csv/csvText'
import { ok, openActivitiesCore, refusal, tableCounts } from '../support/activitySupport'
import { repoRoot } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const csv = (name: string) => readFileSync(join(repoRoot, 'tests', 'fixtures', 'csv', name), 'utf8')

const { defer } = useTempCores()
async function open() {
  const opened = await openActivitiesCore(() => new Date('2027-06-30T12:00:00'))
  defer(opened.core.dispose)
  return opened
}

describe('CSV text', () => {
  it('reads quotes, doubled quotes, line breaks in values, CRLF and a BOM, with start lines', () => {
    const parsed = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n')
    expect(parsed.error).toBeNull()
    expect(parsed.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', 'z'] },
    ])
  })

  it('names the line of an unclosed quote', () => {
    expect(parseCsv('a,b\n1,2\n"open,3\n4,5\n').error).toEqual({ line: 3, message: 'A quoted value is never closed (a " is missing)' })
  })

  it('reads back whatever it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        // A row of one empty cell is a blank line, which CSV cannot tell from nothing.
        const parsed = parseCsv(csvLines(rows), ',')
        expect(parsed.error).toBeNull()
        expect(parsed.records.map((r) => r.cells)).toEqual(rows)
      }),
    )
  })
})

describe('imports.csvPreview and csvCommit', () => {
  it('imports a good file, and importing it again adds nothing', async () => {
    const { api } = await open()
    const preview = await ok(api.imports.csvPreview({ text: csv('good.csv') }))
    expect(preview).toEqual({ added: 3, updated: 0, skipped: 0, errors: [], rows: 3, badLines: [] })
    expect((await ok(api.activities.list({}))).total).toBe(0)

    expect(await ok(api.imports.csvCommit({ text: csv('good.csv') }))).toEqual({ added: 3, updated: 0, skipped: 0, errors: [] })
    const rows = (await ok(api.activities.list({ sort: 'date-asc' }))).rows
    expect(rows.map((r) => [r.date, r.kind, r.title, r.state, r.hours, r.source])).toEqual([
      ['2027-02-20', 'meetup', 'Node.js Berlin meetup', null, 2.5, 'csv'],
      ['2027-03-01', 'pull-request', 'Fix async error handling in router', 'merged', 6, 'csv'],
      ['2027-03-05', 'blog-post', 'What I learned contributing to Express', null, 2, 'csv'],
    ])
    expect(rows[0]?.notes).toBe('Talked about streams\r\nand "backpressure"')
    expect(rows[1]?.skills.map((s) => s.id).sort()).toEqual(['skill.asynchronous-programming', 'skill.javascript'])
    expect(await ok(api.imports.csvCommit({ text: csv('good.csv') }))).toEqual({ added: 0, updated: 0, skipped: 3, errors: [] })
  })

  it('reports every bad line with its number and reason, and imports nothing', async () => {
    const { api, core } = await open()
    const preview = await ok(api.imports.csvPreview({ text: csv('bad.csv') }))
    expect(preview.rows).toBe(11)
    expect(preview.badLines).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(preview.added).toBe(2)
    const byLine = new Map<number, string[]>()
    for (const e of preview.errors) byLine.set(e.line ?? 0, [...(byLine.get(e.line ?? 0) ?? []), e.message])
    expect(byLine.get(3)).toEqual(['date: Use a date like 2027-03-31'])
    expect(byLine.get(4)).toEqual(['state: Blog posts have no open, merged or closed state'])
    expect(byLine.get(5)).toEqual(['hours: Hours cannot be negative'])
    expect(byLine.get(6)).toEqual(['title: A title is required', 'url: Links must start with http:// or https://'])
    expect(byLine.get(7)).toEqual(['skills: There is no skill "skill.cobol" in the career path'])
    expect(byLine.get(8)).toEqual(['date: The date 2030-01-01 is more than a year ahead; use the day the work happened'])
    expect(byLine.get(9)?.[0]).toMatch(/^kind: Kind must be one of/)
    expect(byLine.get(10)?.[0]).toMatch(/values but the header has 9 columns/)
    expect(byLine.get(11)).toEqual(['goal_id: There is no goal 42'])

    const before = tableCounts(core.db)
    const error = await refusal(api.imports.csvCommit({ text: csv('bad.csv') }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toBe('9 lines have problems (lines 3, 4, 5, 6, 7, 8, 9, 10, ...). Nothing was imported; fix the file, or choose to skip those lines.')
    expect(error.issues?.[0]).toEqual({ path: 'line 3', message: 'date: Use a date like 2027-03-31' })
    expect(tableCounts(core.db)).toEqual(before)

    // Skipping only some of the bad lines is still refused.
    expect((await refusal(api.imports.csvCommit({ text: csv('bad.csv'), skipLines: [3, 4] }))).message).toMatch(/^7 lines have problems/)
    expect(tableCounts(core.db)).toEqual(before)
  })

  it('imports the rest when the user confirms skipping the bad lines', async () => {
    const { api } = await open()
    const { badLines } = await ok(api.imports.csvPreview({ text: csv('bad.csv') }))
    const summary = await ok(api.imports.csvCommit({ text: csv('bad.csv'), skipLines: badLines }))
    expect(summary).toMatchObject({ added: 2, updated: 0, skipped: 9 })
    expect((await ok(api.activities.list({ sort: 'date-asc' }))).rows.map((r) => r.title)).toEqual(['A good one', 'Another good one'])
  })

  it('refuses a file whose header is wrong, and says which column', async () => {
    const { api } = await open()
    expect((await refusal(api.imports.csvCommit({ text: 'date,kind,titel\n2027-01-01,learning,x\n' }))).message).toBe(
      'The file cannot be read (line 1): Unknown column "titel" in the header. Nothing was imported; fix the file, or choose to skip those lines.',
    )
    expect((await refusal(api.imports.csvCommit({ text: 'date,title\n' }))).message).toMatch(/needs the column kind/)
    expect((await refusal(api.imports.csvCommit({ text: '' }))).message).toMatch(/file is empty/)
    expect((await ok(api.imports.csvCommit({ text: 'date,kind,title\n' }))).added).toBe(0)
  })

  it('reads semicolon files from spreadsheets', async () => {
    const { api } = await open()
    expect((await ok(api.imports.csvCommit({ text: csv('semicolons.csv') }))).added).toBe(1)
    expect((await ok(api.activities.list({}))).rows[0]).toMatchObject({ title: 'Semicolons, from a spreadsheet', notes: '=1+2' })
  })
})

describe('imports.csvExport', () => {
  it('exports a filter, defuses formulas, and imports back unchanged into a new store', async () => {
    const first = await open()
    await ok(first.api.imports.csvCommit({ text: csv('good.csv') }))
    await ok(first.api.activities.create({ kind: 'learning', date: '2027-04-01', title: '=HYPERLINK("x")', notes: '+ plus, "quoted"\nand multi-line', starred: true }))
    const all = await ok(first.api.imports.csvExport({}))
    expect(all.count).toBe(4)
    expect(all.csv.startsWith('\uFEFFdate,kind,title,url,repo,state,hours,skills,goal_id,notes,impact,starred,commit_count,lines_changed,key\r\n')).toBe(true)
    expect(all.csv).toContain(`"'=HYPERLINK(""x"")"`)

    const filtered = await ok(first.api.imports.csvExport({ filter: { kinds: ['pull-request'] } }))
    expect(filtered.count).toBe(1)

    const second = await open()
    expect(await ok(second.api.imports.csvCommit({ text: all.csv }))).toMatchObject({ added: 4, errors: [] })
    const strip = (rows: { kind: string; date: string; title: string; notes: string | null; hours: number | null; starred: boolean; skills: { id: string }[] }[]) =>
      rows.map((r) => ({ kind: r.kind, date: r.date, title: r.title, notes: r.notes, hours: r.hours, starred: r.starred, skills: r.skills.map((s) => s.id) }))
    const a = (await ok(first.api.activities.list({ sort: 'date-asc' }))).rows
    const b = (await ok(second.api.activities.list({ sort: 'date-asc' }))).rows
    expect(strip(b)).toEqual(strip(a))
    // And into the same store: everything is already there.
    expect(await ok(first.api.imports.csvCommit({ text: all.csv }))).toMatchObject({ added: 0, skipped: 4 })
  })

  it('reads a star as people write it, and names a value that is not one', async () => {
    const { api } = await open()
    const text = 'date,kind,title,star\n2027-01-01,learning,Read the Node docs,yes\n2027-01-02,learning,Read the JVM spec,\u2605\n2027-01-03,learning,Skimmed a blog,\n'
    expect(await ok(api.imports.csvCommit({ text }))).toMatchObject({ added: 3, errors: [] })
    const rows = (await ok(api.activities.list({ sort: 'date-asc' }))).rows
    expect(rows.map((r) => r.starred)).toEqual([true, true, false])

    const preview = await ok(api.imports.csvPreview({ text: 'date,kind,title,starred\n2027-02-01,learning,Maybe,perhaps\n' }))
    expect(preview.errors).toEqual([{ line: 2, message: 'starred: "perhaps" is not a star: write yes, or leave it empty' }])
  })

  it('round-trips imported activities by key, updating in place', async () => {
    const { api } = await open()
    const text = 'date,kind,title,repo,commit_count,lines_changed,key\n2027-06-01,commits,2 commits to me/alpha,me/alpha,2,15,git:me/alpha:2027-06-01\n'
    expect((await ok(api.imports.csvPreview({ text }))).errors).toEqual([])
    expect((await ok(api.imports.csvCommit({ text }))).added).toBe(1)
    const edited = text.replace('2 commits to me/alpha', '"Two commits, renamed"')
    expect(await ok(api.imports.csvCommit({ text: edited }))).toMatchObject({ added: 0, updated: 1 })
    expect((await ok(api.activities.list({}))).rows[0]).toMatchObject({ title: 'Two commits, renamed', commitCount: 2, linesChanged: 15, externalKey: 'git:me/alpha:2027-06-01' })
  })
})
