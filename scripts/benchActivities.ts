/**
 * How fast the activity log answers with 100,000 activities across 300 repositories.
 * Not part of `npm test`: run it by hand after changing a query or an index.
 *
 *   JITI_ALIAS='{"@shared":"./shared"}' npx jiti scripts/benchActivities.ts [count]
 *
 * Builds a temp store through the real core (migrations, content, triggers), times the
 * channels the list and the dashboard call, and prints the median and 95th percentile.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addDays, format } from 'date-fns'
import { createCore } from '../electron/core/core'
import type { ActivityKind } from '../shared/domain/careerPath'

const count = Number(process.argv[2] ?? 100_000)
const runs = 40
const root = join(import.meta.dirname, '..')
// BENCH_KEEP=dir keeps the store there, to look at query plans afterwards.
const keep = process.env.BENCH_KEEP
const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'pathfinder-bench-'))
const today = new Date('2027-06-30T12:00:00')

/** mulberry32: deterministic, so every run measures the same data. */
let seed = 42
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
}
const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

const kinds: [ActivityKind, number][] = [
  ['commits', 40], ['pull-request', 20], ['code-review', 10], ['issue', 8], ['learning', 8], ['docs', 3],
  ['blog-post', 3], ['forum-answer', 3], ['meetup', 2], ['talk', 1], ['release', 1], ['certification', 0.5], ['portfolio-project', 0.5],
]
const weighted = kinds.flatMap(([kind, weight]) => Array<ActivityKind>(Math.round(weight * 2)).fill(kind))
const owners = ['expressjs', 'nodejs', 'fastify', 'nestjs', 'spring-projects', 'apache', 'me', 'acme', 'typeorm', 'prisma']
const repos = Array.from({ length: 300 }, (_, i) => `${owners[i % owners.length]}/project-${i}`)
const words = ['fix', 'router', 'async', 'stream', 'docs', 'cache', 'retry', 'timeout', 'query', 'index', 'express', 'migration', 'test', 'error', 'handler', 'pool', 'queue', 'worker', 'auth', 'token']
const skills = ['skill.javascript', 'skill.asynchronous-programming', 'skill.java', 'skill.spring-framework', 'skill.algorithms', 'skill.data-structures']

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length * 0.95)] ?? NaN
}

async function main() {
  const core = await createCore({ dataDir, contentDir: join(root, 'data', 'paths'), now: () => today, log: { error: console.error, warn: () => {}, info: () => {} } })
  try {
    const db = core.db
    const insert = db.prepare(`INSERT INTO activity (kind, date, title, url, repo, state, hours, notes, source, external_key, commit_count, lines_changed, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const tag = db.prepare('INSERT INTO activity_skill (activity_id, item_id) VALUES (?, ?)')
    const start = new Date('2022-07-01T12:00:00')
    const span = 5 * 365
    const t0 = performance.now()
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const kind = pick(weighted)
        const date = format(addDays(start, Math.floor(random() * span)), 'yyyy-MM-dd')
        const repo = kind === 'learning' || kind === 'certification' || kind === 'meetup' || kind === 'talk' ? null : pick(repos)
        const title = `${pick(words)} ${pick(words)} ${pick(words)} ${i}`
        const state = kind === 'pull-request' ? pick(['open', 'merged', 'merged', 'merged', 'closed']) : kind === 'issue' ? pick(['open', 'closed']) : null
        const notes = random() < 0.3 ? `${pick(words)} ${pick(words)} notes about ${pick(words)}` : null
        const now = today.toISOString()
        const id = Number(
          insert.run(kind, date, title, repo ? `https://github.com/${repo}/pull/${i}` : null, repo, state, random() < 0.5 ? 1 : null, notes,
            kind === 'commits' ? 'git' : 'manual', kind === 'commits' ? `git:${repo}:${date}:${i}` : null, kind === 'commits' ? 3 : null, kind === 'commits' ? 120 : null, now, now).lastInsertRowid,
        )
        if (random() < 0.2) tag.run(id, pick(skills))
      }
    })()
    db.pragma('optimize')
    const insertMs = performance.now() - t0
    console.log(`Inserted ${count.toLocaleString('en')} activities in ${(insertMs / 1000).toFixed(1)} s`)

    const time = async (label: string, call: () => Promise<unknown>) => {
      const samples: number[] = []
      for (let i = 0; i < runs; i++) {
        const t = performance.now()
        const result = await call()
        samples.push(performance.now() - t)
        if (typeof result === 'object' && result !== null && 'ok' in result && result.ok === false) throw new Error(`${label}: ${JSON.stringify(result)}`)
      }
      console.log(`${label.padEnd(58)} median ${median(samples).toFixed(2).padStart(7)} ms   p95 ${p95(samples).toFixed(2).padStart(7)} ms`)
    }
    const openSource = ['pull-request', 'issue', 'code-review', 'docs', 'release', 'commits']
    const cursorAt = async (input: Record<string, unknown>, pages: number): Promise<string> => {
      let cursor: string | undefined
      for (let i = 0; i < pages; i++) {
        const page = await core.dispatch('activities.list', { ...input, ...(cursor ? { cursor } : {}) })
        if (!page.ok || typeof page.value !== 'object' || page.value === null || !('nextCursor' in page.value) || typeof page.value.nextCursor !== 'string') throw new Error('no cursor')
        cursor = page.value.nextCursor
      }
      if (!cursor) throw new Error('no cursor')
      return cursor
    }

    await time('list: first page, no filter', () => core.dispatch('activities.list', { limit: 100 }))
    await time('list: first page, open-source kinds', () => core.dispatch('activities.list', { kinds: openSource, limit: 100 }))
    await time('list: first page, one kind (blog-post)', () => core.dispatch('activities.list', { kinds: ['blog-post'], limit: 100 }))
    await time('list: first page, repository', () => core.dispatch('activities.list', { repo: 'nodejs/project-1', limit: 100 }))
    await time('list: first page, skill', () => core.dispatch('activities.list', { skillId: 'skill.java', limit: 100 }))
    await time('list: first page, state merged + 2027', () => core.dispatch('activities.list', { state: 'merged', from: '2027-01-01', limit: 100 }))
    await time('list: first page, sorted by title', () => core.dispatch('activities.list', { sort: 'title', limit: 100 }))
    const deep = await cursorAt({ kinds: openSource, limit: 100 }, 200)
    await time('list: page 201 by cursor, open-source kinds', () => core.dispatch('activities.list', { kinds: openSource, limit: 100, cursor: deep }))
    const deepTitle = await cursorAt({ sort: 'title', limit: 100 }, 300)
    await time('list: page 301 by cursor, sorted by title', () => core.dispatch('activities.list', { sort: 'title', limit: 100, cursor: deepTitle }))
    await time('list: offset 50,000, no filter', () => core.dispatch('activities.list', { limit: 100, offset: 50_000 }))
    await time('list: search "express" (FTS5)', () => core.dispatch('activities.list', { search: 'express', limit: 100 }))
    await time('list: search "express router" + open-source kinds', () => core.dispatch('activities.list', { search: 'express router', kinds: openSource, limit: 100 }))
    await time('list: search "express" in 2027 (date range)', () => core.dispatch('activities.list', { search: 'express', from: '2027-01-01', limit: 100 }))
    await time('list: search "express" + repository', () => core.dispatch('activities.list', { search: 'express', repo: 'nodejs/project-1', limit: 100 }))
    await time('list: search "express" sorted by title', () => core.dispatch('activities.list', { search: 'express', sort: 'title', limit: 100 }))
    const deepSearch = await cursorAt({ search: 'express', limit: 100 }, 50)
    await time('list: search "express", page 51 by cursor', () => core.dispatch('activities.list', { search: 'express', limit: 100, cursor: deepSearch }))
    await time('list: search "proj" (prefix, matches most rows)', () => core.dispatch('activities.list', { search: 'proj', limit: 100 }))
    await time('list: search "proj" + open-source kinds (estimated total)', () => core.dispatch('activities.list', { search: 'proj', kinds: openSource, limit: 100 }))
    await time('stats (heatmap, streaks, months, repos, strategies)', () => core.dispatch('activities.stats', undefined))
    await time('repos (filter dropdown)', () => core.dispatch('activities.repos', undefined))
  } finally {
    core.close()
    if (!keep) rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
