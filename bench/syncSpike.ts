/**
 * Spike (issue 16): how Automerge 3 behaves here with 10,000 activity rows in one document,
 * which decides how activities are split into documents. Run: `npx node bench/syncSpike.ts`.
 *
 * Rows are stored the way the sync projection stores them: one root key per row and field
 * (`["activity", key, field]`), so two machines that touch different fields of one row never
 * conflict. Three shapes of writing: one change per row (a person logging one by one), one
 * change for all (an import), and the same with nested row objects for comparison.
 *
 * Measured 2026-12-02 on the shared build machine (2 cores, load average 12: every figure is
 * several times what an idle laptop shows), Automerge 3.5.0, Node 24.21:
 *
 *   10,000 rows, flat keys, one change:   write 71 s, save 1.2 s, load 12.0 s, 1,186 KiB;
 *                                         one more change after load 7.6 s; merged into an
 *                                         empty doc 35 s
 *   10,000 rows, nested objects, one change: write 22 s, load 7.7 s, 969 KiB, one more row 2.7 s
 *    1,000 rows, flat keys, a change per row:   write 25 s (25 ms a change), load 2.0 s, 118 KiB
 *    1,000 rows, nested, a change per row:      write 9.2 s, load 1.6 s
 *   (the flat 10,000-rows-a-change-each run was stopped after 3.7 CPU minutes)
 *   10,000 rows, raw handle (getBackend), flat keys, a commit per row: write 21 s (2 ms a row),
 *                                         save 0.9 s, 355 KiB, load into an empty doc 1.7 s,
 *                                         one more row + saveIncremental 1.1 s, full diff 4.8 s
 *
 * The proxy API (`change`) keeps a JS object in step with the document, and that is where the
 * time goes: the raw handle is over ten times faster. The sync engine uses the raw handle.
 *
 * So a 10,000-row document is out of the question here (the older figure, 6.1 s / 1.8 s,
 * was already too slow). Documents stay near 1,000 rows: the plan in one, activities in one per
 * calendar month (ten years of 100,000 activities is 120 documents of about 830). Flat keys
 * cost ~2.5x nested objects, and are kept: with nested objects, two machines that each create
 * the same natural-keyed row (a skill's state, a setting) make two objects and one is dropped
 * whole, losing the other machine's field.
 */
import * as A from '@automerge/automerge'

type Doc = Record<string, A.ScalarValue | Record<string, A.ScalarValue>>

const rows = Number(process.argv[2] ?? 10_000)
const only = process.argv[3] ?? 'all'
const runs = (name: string): boolean => only === 'all' || only === name
const fields = (i: number): Record<string, A.ScalarValue> => ({
  kind: 'pull-request',
  date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  title: `Fix the thing number ${i} in the parser`,
  url: `https://github.com/owner/repo/pull/${i}`,
  repo: 'owner/repo',
  state: 'merged',
  hours: 1.5,
  notes: i % 3 === 0 ? 'Reviewed twice, merged after a rebase' : null,
  source: 'github',
  created_at: '2026-01-02T03:04:05.000Z',
  updated_at: '2026-01-02T03:04:05.000Z',
})

function time<T>(label: string, work: () => T): T {
  const start = performance.now()
  const result = work()
  console.log(`${label.padEnd(58)} ${Math.round(performance.now() - start)} ms`)
  return result
}

function flatPut(d: Doc, i: number): void {
  for (const [field, value] of Object.entries(fields(i))) d[JSON.stringify(['activity', `k${i}`, field])] = value
}

console.log(`Automerge ${rows} rows, Node ${process.version}`)
if (runs('per-row')) {
const perRow = time('flat keys, one change per row: write', () => {
  let doc = A.init<Doc>()
  for (let i = 0; i < rows; i++) doc = A.change(doc, (d) => flatPut(d, i))
  return doc
})
const perRowBytes = time('flat keys, one change per row: save', () => A.save(perRow))
time('flat keys, one change per row: load', () => A.load<Doc>(perRowBytes))
console.log(`${'  saved size'.padEnd(58)} ${Math.round(perRowBytes.byteLength / 1024)} KiB`)
}

if (runs('bulk')) {
const bulk = time('flat keys, one change for all rows: write', () => A.change(A.init<Doc>(), (d) => {
  for (let i = 0; i < rows; i++) flatPut(d, i)
}))
const bulkBytes = time('flat keys, one change for all rows: save', () => A.save(bulk))
const loaded = time('flat keys, one change for all rows: load', () => A.load<Doc>(bulkBytes))
console.log(`${'  saved size'.padEnd(58)} ${Math.round(bulkBytes.byteLength / 1024)} KiB`)

time('one more change on the loaded doc + saveIncremental', () => {
  const next = A.change(loaded, (d) => flatPut(d, rows + 1))
  return A.saveIncremental(next)
})
time('merge the bulk doc into an empty doc (a new machine)', () => A.merge(A.init<Doc>(), A.load<Doc>(bulkBytes)))
}

if (runs('nested')) {
const nested = time('nested row objects, one change per row: write', () => {
  let doc = A.init<Doc>()
  for (let i = 0; i < rows; i++) doc = A.change(doc, (d) => {
    d[`activity/k${i}`] = fields(i)
  })
  return doc
})
const nestedBytes = A.save(nested)
time('nested row objects, one change per row: load', () => A.load<Doc>(nestedBytes))
}
if (runs('nested-bulk')) {
  const nestedBulk = time('nested row objects, one change for all rows: write', () => A.change(A.init<Doc>(), (d) => {
    for (let i = 0; i < rows; i++) d[`activity/k${i}`] = fields(i)
  }))
  const bytes = time('nested row objects, one change for all rows: save', () => A.save(nestedBulk))
  const back = time('nested row objects, one change for all rows: load', () => A.load<Doc>(bytes))
  console.log(`${'  saved size'.padEnd(58)} ${Math.round(bytes.byteLength / 1024)} KiB`)
  time('one more row on the loaded doc + saveIncremental', () => A.saveIncremental(A.change(back, (d) => {
    d[`activity/k${rows + 1}`] = fields(rows + 1)
  })))
  time('merge into an empty doc (a new machine)', () => A.merge(A.init<Doc>(), A.load<Doc>(bytes)))
}
if (runs('raw')) {
  // The document's own handle (getBackend): the same engine without the JS object it keeps
  // in step with every change. This is what electron/core/sync uses.
  const raw = (): ReturnType<typeof A.getBackend> => A.getBackend(A.init())
  const doc = raw()
  time(`raw handle, flat keys, a commit per row (${rows} rows)`, () => {
    for (let i = 0; i < rows; i++) {
      for (const [field, value] of Object.entries(fields(i))) doc.put('_root', JSON.stringify(['activity', `k${i}`, field]), value)
      doc.commit(null, 0)
    }
  })
  const bytes = time('raw handle: save', () => doc.save())
  console.log(`${'  saved size'.padEnd(58)} ${Math.round(bytes.byteLength / 1024)} KiB`)
  const other = raw()
  time('raw handle: load into an empty document (a new machine)', () => other.loadIncremental(bytes))
  time('raw handle: one more row, commit, saveIncremental', () => {
    for (const [field, value] of Object.entries(fields(rows + 1))) other.put('_root', JSON.stringify(['activity', `k${rows + 1}`, field]), value)
    other.commit(null, 0)
    return other.saveIncremental()
  })
  time('raw handle: diff from nothing to now (every row)', () => other.diff([], other.getHeads()).length)
}
