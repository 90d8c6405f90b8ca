import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { ImportProgress } from '@shared/domain/activities'
import { backupPath, listBackups } from '../../electron/core/store/backupFiles'
import { ok, openActivitiesCore, refusal, tableCounts } from '../support/activitySupport'
import { useTempCores } from '../support/useTempCores'

const { defer } = useTempCores()
async function open() {
  const opened = await openActivitiesCore(() => new Date('2027-06-30T12:00:00'))
  defer(opened.core.dispose)
  return opened
}

/** Learning notes, all on one day and without a repository: the shape that made the import quadratic. */
function learningCsv(rows: number, from = 0): string {
  const lines = ['date,kind,title,hours,notes']
  for (let i = from; i < from + rows; i++) lines.push(`2027-03-01,learning,Chapter ${i} of the SQLite book,1.5,"read, then tried it"`)
  return `${lines.join('\r\n')}\r\n`
}

/** A turn of the event loop: what lets a chunked import run between two polls. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Polls `progress` until `stop` says so or the call settles; every answer seen, in order. */
async function follow<T>(call: Promise<T>, poll: () => Promise<ImportProgress | null>, stop: (p: ImportProgress) => boolean = () => false) {
  let settled = false
  void call.finally(() => (settled = true))
  const seen: ImportProgress[] = []
  while (!settled) {
    const progress = await poll()
    if (progress && !settled) seen.push(progress)
    if (progress && stop(progress)) break
    await turn()
  }
  return seen
}

describe('a long CSV import', () => {
  const rows = 5_000

  it('reports its progress while it runs, and other calls are answered meanwhile', async () => {
    const { api, core } = await open()
    await ok(api.imports.csvCommit({ text: learningCsv(10, 50_000) }))
    const commit = ok(api.imports.csvCommit({ text: learningCsv(rows), importId: 'csv-long' }))
    const seen = await follow(commit, () => ok(api.imports.progress({ importId: 'csv-long' })))
    expect(await commit).toMatchObject({ added: rows, updated: 0, skipped: 0 })
    // Backed up while the import's transaction was open: the backup holds the store as it was before.
    const [backup] = listBackups(core.dataDir).filter((b) => b.reason === 'before-import')
    if (!backup) throw new Error('No backup was taken before the import')
    const copy = new Database(backupPath(core.dataDir, backup), { readonly: true })
    expect(copy.prepare('SELECT count(*) FROM activity').pluck().get()).toBe(10)
    copy.close()
    // Answered mid-way, more than once, each further along: the import gave the event loop turns.
    const midway = seen.filter((p) => !p.finished && p.done > 0 && p.done < p.total)
    expect(new Set(midway.map((p) => p.done)).size).toBeGreaterThan(2)
    expect(midway.map((p) => p.done)).toEqual([...midway.map((p) => p.done)].sort((a, b) => a - b))
    expect(new Set(midway.map((p) => p.message))).toEqual(new Set(['Reading the CSV file', 'Importing']))
    expect((await ok(api.imports.progress({ importId: 'csv-long' })))?.finished).toBe(true)
  })

  it('cancelled while it writes, leaves the store as it was', async () => {
    const { api, core } = await open()
    await ok(api.imports.csvCommit({ text: learningCsv(10) }))
    const before = tableCounts(core.db, ['activity', 'activity_skill', 'activity_day', 'activity_fts'])
    const commit = refusal(api.imports.csvCommit({ text: learningCsv(rows, 10), importId: 'csv-cancel' }))
    const writing = (p: ImportProgress) => p.message === 'Importing' && p.done > 0 && p.done < p.total
    const seen = await follow(commit, () => ok(api.imports.progress({ importId: 'csv-cancel' })), writing)
    expect(seen.some(writing)).toBe(true)
    expect(await ok(api.imports.cancel({ importId: 'csv-cancel' }))).toEqual({ cancelled: true })
    expect(await commit).toMatchObject({ code: 'cancelled', message: 'The import was cancelled. Nothing was changed.' })
    expect(tableCounts(core.db, ['activity', 'activity_skill', 'activity_day', 'activity_fts'])).toEqual(before)
    // The backup taken before the write is still there: the state just before is one click away.
    expect(listBackups(core.dataDir).some((b) => b.reason === 'before-import')).toBe(true)
    // The store takes writes again once the import let go of it.
    expect((await ok(api.imports.csvCommit({ text: learningCsv(3, 20_000) }))).added).toBe(3)
  })

  it('previewed, changes nothing and counts rows that repeat within the file', async () => {
    const { api, core } = await open()
    const before = tableCounts(core.db, ['activity', 'activity_day', 'activity_fts'])
    const text = learningCsv(1_500) + learningCsv(500).split('\r\n').slice(1).join('\r\n')
    expect(await ok(api.imports.csvPreview({ text, importId: 'csv-preview' }))).toMatchObject({ added: 1_500, skipped: 500, rows: 2_000 })
    expect(tableCounts(core.db, ['activity', 'activity_day', 'activity_fts'])).toEqual(before)
  })

  it('finds an activity already logged whatever the case of its title and repository, as SQLite compares them', async () => {
    const { api } = await open()
    await ok(api.imports.csvCommit({ text: 'date,kind,title,repo\r\n2027-03-02,commits,Tuned the Router,Me/Router\r\n2027-03-02,learning,Café notes,\r\n' }))
    const again = 'date,kind,title,repo\r\n2027-03-02,commits,TUNED THE ROUTER,me/router\r\n2027-03-02,learning,CAFÉ NOTES,\r\n2027-03-02,learning,café notes,\r\n'
    // ASCII letters match in any case; SQLite's NOCASE leaves É and é apart, and so does the import.
    expect(await ok(api.imports.csvPreview({ text: again }))).toMatchObject({ added: 1, skipped: 2 })
    expect(await ok(api.imports.csvCommit({ text: again }))).toMatchObject({ added: 1, skipped: 2 })
  })
})
