/**
 * Time to import 2,000 items from each source of the non-code importers, through the core's
 * dispatcher on a fresh store, as the app runs them: Stack Exchange answers from a loopback
 * server answering like the API (20 gzipped pages of 100, the wrapper object), a blog feed
 * file of 2,000 posts, a calendar of 2,000 events (preview, then all chosen), and badges (one
 * per import: 2,000 would be 2,000 calls, so the figure is per badge, from 100).
 *
 *   node scripts/bench-sources.mjs [--items N] [--runs N]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync, crc32 } from 'node:zlib'
import { contract, createClient, type Api, type Result } from '@shared/contract'
import { createCore, type Core } from '../electron/core/core'

const silent = { error: () => {}, warn: () => {}, info: () => {} }
const now = new Date('2026-06-30T12:00:00Z')
const contentDir = resolve(import.meta.dirname, '..', '..', 'data', 'paths')

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message}`)
  return result.value
}

const day = (i: number) => new Date(Date.UTC(2016, 0, 1) + i * 86_400_000)

function answersPage(page: number, items: number): string {
  const from = (page - 1) * 100
  const count = Math.max(0, Math.min(100, items - from))
  return JSON.stringify({
    items: Array.from({ length: count }, (_, k) => {
      const i = from + k
      return {
        owner: { account_id: 9100042, reputation: 2316, user_id: 4242, user_type: 'registered', display_name: 'octo-dev', link: 'https://stackoverflow.com/users/4242/octo-dev' },
        is_accepted: i % 3 === 0,
        score: i % 17,
        last_activity_date: Math.floor(day(i).getTime() / 1000) + 3600,
        creation_date: Math.floor(day(i).getTime() / 1000),
        answer_id: 70_000_000 + i,
        question_id: 69_000_000 + i,
        content_license: 'CC BY-SA 4.0',
        link: `https://stackoverflow.com/questions/${69_000_000 + i}/question-${i}/${70_000_000 + i}#${70_000_000 + i}`,
        title: `How do I tune &quot;pool ${i}&quot; under load?`,
      }
    }),
    has_more: from + count < items,
    quota_max: 10000,
    quota_remaining: 9000,
  })
}

async function stackExchangeServer(items: number) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const body = url.pathname.endsWith('/filters/create')
      ? JSON.stringify({ items: [{ filter: '!nNPvSNPI7A', filter_type: 'safe' }], has_more: false, quota_max: 10000, quota_remaining: 9000 })
      : answersPage(Number(url.searchParams.get('page') ?? '1'), items)
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip' })
    res.end(gzipSync(body))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { url: `http://127.0.0.1:${address.port}/2.3`, close: () => new Promise<void>((done) => server.close(() => done())) }
}

const feed = (items: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Backend notes</title><link>https://blog.example.dev/</link>${Array.from(
    { length: items },
    (_, i) => `<item><title>Post ${i}: what pool ${i} taught me</title><link>https://blog.example.dev/posts/${i}</link><guid isPermaLink="false">post-${i}</guid><pubDate>${day(i).toUTCString()}</pubDate><description>&lt;p&gt;Notes on &lt;b&gt;connection pools&lt;/b&gt;, part ${i}.&lt;/p&gt;</description></item>`,
  ).join('')}</channel></rss>`

const calendar = (items: number) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Pathfinder bench//EN',
    ...Array.from({ length: items }, (_, i) => {
      const start = day(i).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T000000Z', 'T180000Z')
      return ['BEGIN:VEVENT', `UID:event-${i}@bench.example`, 'DTSTAMP:20260101T000000Z', `DTSTART:${start}`, 'DURATION:PT2H', `SUMMARY:Node.js meetup ${i}`, 'LOCATION:Community hall', 'END:VEVENT'].join('\r\n')
    }),
    'END:VCALENDAR',
    '',
  ].join('\r\n')

function bakedBadge(i: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])))
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc])
  }
  const assertion = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: `https://badges.example/assertions/${i}`, issuedOn: day(i).toISOString(), badge: { type: 'BadgeClass', name: `Badge ${i}`, issuer: { type: 'Profile', name: 'Example Academy' } }, evidence: `https://badges.example/evidence/${i}` })
  const header = Buffer.alloc(13)
  header.writeUInt32BE(1, 0)
  header.writeUInt32BE(1, 4)
  header[8] = 8
  header[9] = 2
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('iTXt', Buffer.concat([Buffer.from('openbadges\u0000\u0000\u0000\u0000\u0000', 'latin1'), Buffer.from(assertion)])),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

async function withCore<T>(work: (api: Api, dir: string, core: Core) => Promise<T>, endpoints = {}): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathfinder-bench-sources-'))
  // A clock that moves (a second a call), as a real one does: backups are named by the time.
  let tick = 0
  const core = await createCore({ dataDir, contentDir, now: () => new Date(now.getTime() + 1000 * tick++), log: silent, sourceEndpoints: endpoints })
  try {
    return await work(createClient(contract, (name, input) => core.dispatch(name, input)), dataDir, core)
  } finally {
    core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const round = (ms: number) => Math.round(ms)

async function main() {
  const { values } = parseArgs({ options: { items: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' } } })
  const items = Number(values.items)
  const runs = Number(values.runs)
  const rows: { source: string; figure: string; median: number; runs: number[] }[] = []
  const time = async (source: string, figure: string, once: () => Promise<number>) => {
    const all: number[] = []
    for (let r = 0; r < runs; r++) all.push(await once())
    rows.push({ source, figure, median: round(median(all)), runs: all.map(round) })
  }

  const server = await stackExchangeServer(items)
  try {
    await time('Stack Exchange', `${items} answers (${Math.ceil(items / 100)} pages), loopback API`, () =>
      withCore(async (api) => {
        const started = performance.now()
        const summary = must(await api.imports.stackExchange({ site: 'stackoverflow.com', userId: 4242 }), 'Stack Exchange')
        if (summary.added !== items) throw new Error(`added ${summary.added}`)
        return performance.now() - started
      }, { stackExchangeApiUrl: server.url }),
    )
  } finally {
    await server.close()
  }

  await time('Blog feed', `${items} posts, RSS 2.0 file`, () =>
    withCore(async (api, dir) => {
      const path = join(dir, 'feed.xml')
      writeFileSync(path, feed(items))
      const started = performance.now()
      const summary = must(await api.imports.feed({ file: { path } }), 'Feed')
      if (summary.added !== items) throw new Error(`added ${summary.added}`)
      return performance.now() - started
    }),
  )

  let previewMs = 0
  await time('Calendar', `${items} events, .ics file: preview then import of all`, () =>
    withCore(async (api, dir) => {
      const path = join(dir, 'events.ics')
      writeFileSync(path, calendar(items))
      const started = performance.now()
      const preview = must(await api.imports.calendarPreview({ file: { path } }), 'Calendar preview')
      previewMs = performance.now() - started
      const summary = must(await api.imports.calendarCommit({ file: { path }, choices: preview.events.map((e) => ({ key: e.key, kind: 'meetup' as const })) }), 'Calendar import')
      if (summary.added !== items) throw new Error(`added ${summary.added}`)
      return performance.now() - started
    }),
  )
  rows.push({ source: 'Calendar', figure: `${items} events: the preview alone (last run)`, median: round(previewMs), runs: [round(previewMs)] })

  const badges = 100
  await time('Badges', `${badges} baked PNG badges, one import each (ms per badge)`, () =>
    withCore(async (api, dir) => {
      const files = Array.from({ length: badges }, (_, i) => {
        const path = join(dir, `badge-${i}.png`)
        writeFileSync(path, bakedBadge(i))
        return path
      })
      const started = performance.now()
      for (const path of files) must(await api.imports.badge({ file: { path } }), 'Badge')
      return (performance.now() - started) / badges
    }),
  )

  console.log(`Source imports, ${items} items each, median of ${runs} runs, fresh store each run (Node ${process.version})`)
  for (const row of rows) console.log(`  ${row.source.padEnd(15)} ${String(row.median).padStart(6)} ms   ${row.figure}   runs: ${row.runs.join(', ')}`)
}

await main()
