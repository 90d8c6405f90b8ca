import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ActivityKind } from '@shared/domain/activities'
import { createActivitiesRepository } from '../../electron/core/activities/activitiesRepository'
import { searchSample } from '../../electron/core/activities/activityListing'
import { ok, openActivitiesCore } from '../support/activitySupport'
import { useTempCores } from '../support/useTempCores'

const { defer } = useTempCores()
async function open() {
  const opened = await openActivitiesCore(() => new Date('2027-06-30T12:00:00'))
  defer(opened.core.dispose)
  return opened
}

const words = ['alpha', 'beta', 'gamma', 'delta']
const kinds: ActivityKind[] = ['pull-request', 'issue', 'learning', 'blog-post']

type Op =
  | { op: 'create'; day: number; kind: number; word: number; merged: boolean }
  | { op: 'update'; pick: number; day: number; word: number }
  | { op: 'remove'; pick: number }
  | { op: 'restore'; pick: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), day: fc.integer({ min: 1, max: 9 }), kind: fc.integer({ min: 0, max: 3 }), word: fc.integer({ min: 0, max: 3 }), merged: fc.boolean() }),
  fc.record({ op: fc.constant('update' as const), pick: fc.nat(), day: fc.integer({ min: 1, max: 9 }), word: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }),
)

describe('derived tables stay in step with the activities', () => {
  it('activity_day and the search index match the live rows after any edits', async () => {
    const { api, core } = await open()
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        core.db.exec('DELETE FROM activity')
        const ids: number[] = []
        for (const op of ops) {
          if (op.op === 'create') {
            const kind = kinds[op.kind] ?? 'learning'
            const state = kind === 'pull-request' ? (op.merged ? 'merged' : 'open') : null
            ids.push((await ok(api.activities.create({ kind, date: `2027-05-0${op.day}`, title: `Work on ${words[op.word]}`, state }))).id)
          } else if (ids.length > 0) {
            const id = ids[op.pick % ids.length] ?? 0
            if (op.op === 'update') await api.activities.update({ id, date: `2027-05-0${op.day}`, notes: `about ${words[op.word]}` })
            if (op.op === 'remove') await api.activities.remove({ id })
            if (op.op === 'restore') await api.activities.restore({ id })
          }
        }
        const days = core.db.prepare("SELECT date, kind, state, n FROM activity_day ORDER BY 1, 2, 3").all()
        const truth = core.db
          .prepare("SELECT date, kind, coalesce(state, '') AS state, count(*) AS n FROM activity WHERE deleted_at IS NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3")
          .all()
        expect(days).toEqual(truth)
        for (const word of words) {
          const found = await ok(api.activities.list({ search: word, limit: 500 }))
          const expected = core.db
            .prepare("SELECT id FROM activity WHERE deleted_at IS NULL AND (title LIKE '%' || ? || '%' OR notes LIKE '%' || ? || '%') ORDER BY date DESC, id DESC")
            .all(word, word)
          expect(found.rows.map((r) => ({ id: r.id }))).toEqual(expected)
          expect(found.total).toBe(expected.length)
        }
      }),
      { numRuns: 25 },
    )
  })
})

describe('search totals', () => {
  it('searches within a date range, in date order, with an exact total', async () => {
    const { api } = await open()
    for (const day of ['2027-01-05', '2027-02-05', '2027-03-05', '2027-04-05']) await ok(api.activities.create({ kind: 'learning', date: day, title: 'Kafka consumer groups' }))
    await ok(api.activities.create({ kind: 'learning', date: '2027-02-10', title: 'Something else' }))
    const page = await ok(api.activities.list({ search: 'kafka', from: '2027-02-01', to: '2027-03-05' }))
    expect(page.rows.map((r) => r.date)).toEqual(['2027-03-05', '2027-02-05'])
    expect(page).toMatchObject({ total: 2, totalExact: true })
    const asc = await ok(api.activities.list({ search: 'kafka', sort: 'date-asc', limit: 1 }))
    const next = await ok(api.activities.list({ search: 'kafka', sort: 'date-asc', limit: 2, cursor: asc.nextCursor ?? '' }))
    expect([...asc.rows, ...next.rows].map((r) => r.date)).toEqual(['2027-01-05', '2027-02-05', '2027-03-05'])
  })

  it('estimates the total of a very common word combined with a filter (from its newest matches), and counts it exactly for goals', async () => {
    const { api, core } = await open()
    const insert = core.db.prepare(
      "INSERT INTO activity (kind, date, title, source, created_at, updated_at) VALUES (?, ?, ?, 'manual', '2027-06-30T00:00:00Z', '2027-06-30T00:00:00Z')",
    )
    // Enough issues (2,500) that they do not drive the search themselves.
    const rows = searchSample * 2
    core.db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(i % 4 === 0 ? 'issue' : 'learning', `2026-${String((Math.floor(i / 4) % 12) + 1).padStart(2, '0')}-15`, `common topic ${i}`)
    })()
    const plain = await ok(api.activities.list({ search: 'common', limit: 5 }))
    expect(plain).toMatchObject({ total: rows, totalExact: true })
    const mixed = await ok(api.activities.list({ search: 'common', kinds: ['issue'], limit: 5 }))
    expect(mixed.totalExact).toBe(false)
    expect(Math.abs(mixed.total - rows / 4)).toBeLessThan(rows / 4 / 20)
    expect(mixed.rows.every((r) => r.kind === 'issue')).toBe(true)
    expect(createActivitiesRepository(core.db).count({ search: 'common', kinds: ['issue'] })).toBe(rows / 4)
  })
})

describe('search plans agree with a plain reading of the rows', () => {
  it('pages a search the same way whichever side drives it', async () => {
    const { api, core } = await open()
    const insert = core.db.prepare(
      "INSERT INTO activity (kind, date, title, repo, source, created_at, updated_at) VALUES (?, ?, ?, ?, 'manual', '2027-06-30T00:00:00Z', '2027-06-30T00:00:00Z')",
    )
    core.db.transaction(() => {
      for (let i = 0; i < 3_000; i++) {
        const title = `${i % 7 === 0 ? 'Topic' : 'topic'} ${String((i * 7919) % 3000).padStart(4, '0')}${i % 3 === 0 ? ' extra' : ''}`
        insert.run(i % 2 === 0 ? 'issue' : 'learning', `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, title, `r/${i % 10}`)
      }
    })()
    const reference = (where: string, order: string) =>
      core.db.prepare(`SELECT id FROM activity WHERE deleted_at IS NULL AND title LIKE '%topic%' AND ${where} ORDER BY ${order}`).pluck().all()
    const walk = async (input: Parameters<typeof api.activities.list>[0], pages: number) => {
      const ids: unknown[] = []
      let cursor: string | undefined
      for (let n = 0; n < pages; n++) {
        const page = await ok(api.activities.list({ ...input, ...(cursor ? { cursor } : {}) }))
        ids.push(...page.rows.map((r) => r.id))
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
      return ids
    }
    // A repository leaves 300 rows: they drive, checked against the 3,000 matches.
    expect(await walk({ search: 'topic', repo: 'r/3', limit: 70 }, 10)).toEqual(reference("repo = 'r/3'", 'date DESC, id DESC'))
    expect(await walk({ search: 'topic', repo: 'r/3', sort: 'title', limit: 70 }, 10)).toEqual(reference("repo = 'r/3'", 'title COLLATE NOCASE, id'))
    const offset = await ok(api.activities.list({ search: 'topic', repo: 'r/3', limit: 10, offset: 95 }))
    expect(offset.rows.map((r) => r.id)).toEqual(reference("repo = 'r/3'", 'date DESC, id DESC').slice(95, 105))
    expect(offset).toMatchObject({ total: 300, totalExact: true })
    // Sorted by title with many matches: the title index drives.
    expect(await walk({ search: 'topic', sort: 'title', limit: 100 }, 3)).toEqual(reference('1', 'title COLLATE NOCASE, id').slice(0, 300))
    // Otherwise the search index drives, newest first.
    expect(await walk({ search: 'topic extra', kinds: ['issue'], limit: 100 }, 4)).toEqual(
      core.db.prepare("SELECT id FROM activity WHERE title LIKE '%extra%' AND kind = 'issue' ORDER BY date DESC, id DESC").pluck().all().slice(0, 400),
    )
  })

  it('carries on after the row a cursor points at was removed', async () => {
    const { api } = await open()
    for (let day = 1; day <= 6; day++) await ok(api.activities.create({ kind: 'learning', date: `2027-05-0${day}`, title: `Kafka day ${day}`, repo: 'r/1' }))
    await ok(api.activities.create({ kind: 'learning', date: '2027-05-01', title: 'Kafka elsewhere', repo: 'r/2' }))
    const first = await ok(api.activities.list({ search: 'kafka', repo: 'r/1', limit: 2 }))
    const last = first.rows.at(-1)
    if (!last) throw new Error('no rows')
    await ok(api.activities.remove({ id: last.id }))
    const next = await ok(api.activities.list({ search: 'kafka', repo: 'r/1', limit: 2, cursor: first.nextCursor ?? '' }))
    expect(next.rows.map((r) => r.date)).toEqual(['2027-05-04', '2027-05-03'])
  })
})
