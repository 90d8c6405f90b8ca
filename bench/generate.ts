/**
 * A deterministic data set for the benchmark: years of one person's history in a fresh store.
 *
 * The store is created by the real core (migrations, content upsert), then filled with plain
 * INSERTs in one transaction, so every trigger of the schema (FTS, counters) runs exactly as
 * it does for rows the app writes. The same seed and end day give the same rows, id for id.
 */
import { addDays, formatISO, parseISO } from 'date-fns'
import { contract, createClient, type Api, type Result } from '@shared/contract'
import { activityKindSchema, type ActivityKind } from '@shared/domain/careerPath'
import { createCore } from '../electron/core/core'
import type { Db } from '../electron/core/store/database'
import { seededRandom } from './seededRandom'

export interface DatasetSize {
  activities: number
  repositories: number
  goals: number
  milestones: number
  years: number
  /** Custom tracks, skills, groups and strategies added to the path. */
  customItems: number
}

/** What issue 7 asks for: ten years, 100,000 activities across 300 repositories. */
export const fullSize: DatasetSize = { activities: 100_000, repositories: 300, goals: 1_000, milestones: 5_000, years: 10, customItems: 24 }

/** Small enough for a unit test, with every kind of row still there. */
export const tinySize: DatasetSize = { activities: 500, repositories: 12, goals: 20, milestones: 100, years: 2, customItems: 8 }

export interface GenerateOptions {
  dataDir: string
  contentDir: string
  size: DatasetSize
  seed?: number
  /** The last day of the history (YYYY-MM-DD): "today" for the data set. */
  end: string
}

export interface GeneratedDataset {
  dataDir: string
  end: string
  size: DatasetSize
  /** Rows per table, as counted after the insert. */
  rows: Record<string, number>
  /** Values the benchmark filters and searches on, known to occur in the data. */
  sample: { repo: string; word: string }
  millis: number
}

export { seededRandom }

const silent = { error: () => {}, warn: () => {}, info: () => {} }

const kindWeights: Record<ActivityKind, number> = {
  commits: 30,
  'pull-request': 22,
  'code-review': 14,
  issue: 9,
  learning: 8,
  docs: 4,
  'forum-answer': 4,
  'blog-post': 2,
  release: 2,
  meetup: 2,
  talk: 1,
  'portfolio-project': 1,
  certification: 1,
}
const repoKinds = new Set<ActivityKind>(['pull-request', 'issue', 'code-review', 'docs', 'release', 'commits', 'portfolio-project'])
const owners = ['expressjs', 'nodejs', 'fastify', 'nestjs', 'spring-projects', 'apache', 'me', 'acme', 'typeorm', 'prisma', 'eclipse', 'hibernate']
const projects = ['router', 'core', 'cli', 'docs', 'server', 'client', 'kafka', 'cache', 'pool', 'queue', 'gateway', 'auth', 'orm', 'metrics', 'tracing']
const verbs = ['Fix', 'Add', 'Refactor', 'Document', 'Speed up', 'Test', 'Remove', 'Rename', 'Review', 'Support', 'Migrate', 'Harden']
const nouns = [
  'router', 'async iterator', 'stream backpressure', 'cache eviction', 'retry policy', 'timeout handling', 'query builder',
  'index scan', 'express middleware', 'schema migration', 'error handler', 'connection pool', 'job queue', 'worker thread',
  'auth token', 'Spring bean', 'JPA mapping', 'Kafka consumer', 'rate limiter', 'graceful shutdown', 'café menu parser',
]
const noteWords = ['because', 'the', 'maintainers', 'asked', 'benchmark', 'showed', 'regression', 'under', 'load', 'with', 'many', 'small', 'writes', 'after', 'review', 'pairing', 'docs', 'edge', 'case', 'naïve']

/** Picks from weights with one draw; `cumulative` is built once. */
function weightedPicker<T>(entries: readonly (readonly [T, number])[], random: () => number): () => T {
  const cumulative: number[] = []
  let sum = 0
  for (const [, weight] of entries) cumulative.push((sum += weight))
  return () => {
    const target = random() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1
      else hi = mid
    }
    const entry = entries[lo]
    if (!entry) throw new Error('weightedPicker needs at least one entry')
    return entry[0]
  }
}

const isoDay = (date: Date): string => formatISO(date, { representation: 'date' })

async function must<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(`Generating the data set failed: ${result.error.code}: ${result.error.message}`)
  return result.value
}

export async function generateDataset(options: GenerateOptions): Promise<GeneratedDataset> {
  const started = performance.now()
  const { size } = options
  const random = seededRandom(options.seed ?? 20_240_601)
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
  const chance = (p: number): boolean => random() < p

  const endDay = parseISO(options.end)
  const totalDays = Math.round(size.years * 365.25)
  const firstDay = addDays(endDay, -(totalDays - 1))
  const dayAt = (offset: number): string => isoDay(addDays(firstDay, offset))
  const at = (offset: number, minute = 0): string => new Date(addDays(firstDay, offset).getTime() + (9 * 60 + minute) * 60_000).toISOString()
  const now = new Date(`${options.end}T12:00:00.000Z`)

  const core = await createCore({ dataDir: options.dataDir, contentDir: options.contentDir, now: () => now, log: silent })
  try {
    const api: Api = createClient(contract, (name, input) => core.dispatch(name, input))
    const db = core.db
    const pathId = 'backend-developer'
    const content = db
      .prepare<[string], { id: string; kind: string; parent_id: string | null }>('SELECT id, kind, parent_id FROM content_item WHERE path_id = ? AND retired = 0 ORDER BY position')
      .all(pathId)
    const idsOf = (kind: string) => content.filter((c) => c.kind === kind).map((c) => c.id)
    const stages = idsOf('stage')
    const tracks = idsOf('track')
    const groups = idsOf('strategy-group')
    const skills = idsOf('skill')
    const strategies = idsOf('strategy')
    if (skills.length === 0 || strategies.length === 0 || tracks.length === 0 || groups.length === 0) {
      throw new Error(`The path ${pathId} has no skills, strategies, tracks or groups to build a history on`)
    }

    const repositories = Array.from({ length: size.repositories }, (_, i) => `${owners[i % owners.length]}/${projects[Math.floor(i / owners.length) % projects.length]}-${i}`)
    // A few repositories get most of the work, as in anyone's history (Zipf-like).
    const pickRepo = weightedPicker(repositories.map((r, rank) => [r, 1 / (rank + 1) ** 1.05] as const), random)
    const pickKind = weightedPicker(activityKindSchema.options.map((k) => [k, kindWeights[k]] as const), random)

    const inserts = {
      customItem: db.prepare(`INSERT INTO custom_item (seq, id, path_id, parent_id, kind, position, title, tagline, description, activity_kinds, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      state: db.prepare('INSERT INTO item_state (item_id, status, level, note, hidden, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
      history: db.prepare('INSERT INTO item_state_history (item_id, field, from_value, to_value, at) VALUES (?, ?, ?, ?, ?)'),
      evidence: db.prepare('INSERT INTO item_evidence (item_id, url, activity_id, note, created_at) VALUES (?, ?, ?, ?, ?)'),
      goal: db.prepare(`INSERT INTO goal (id, title, description, start_date, target_date, priority, status, manual_progress, created_at, updated_at, archived_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      goalItem: db.prepare('INSERT OR IGNORE INTO goal_item (goal_id, item_id, position) VALUES (?, ?, ?)'),
      milestone: db.prepare(`INSERT INTO milestone (goal_id, title, due_date, done_at, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      activity: db.prepare(`INSERT INTO activity (id, kind, date, title, url, repo, state, hours, notes, goal_id, source, external_key,
        commit_count, lines_changed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      activitySkill: db.prepare('INSERT OR IGNORE INTO activity_skill (activity_id, item_id) VALUES (?, ?)'),
      activityTarget: db.prepare(`INSERT INTO goal_activity_target (goal_id, target_count, kinds, state, repo) VALUES (?, ?, ?, ?, ?)`),
      setting: db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    }

    db.transaction(() => {
      // Custom items: a custom track of skills, a custom group of strategies, and extras beside seed items.
      const custom: { id: string; kind: 'track' | 'skill' | 'strategy-group' | 'strategy'; parent: string }[] = []
      let seq = 0
      const addCustom = (kind: 'track' | 'skill' | 'strategy-group' | 'strategy', parent: string, title: string, kinds: ActivityKind[] = []): string => {
        seq += 1
        const id = `custom.${kind}-${seq}`
        const created = at(int(0, totalDays - 1))
        inserts.customItem.run(seq, id, pathId, parent, kind, seq, title, chance(0.5) ? `About ${title.toLowerCase()}` : null, chance(0.3) ? `Why ${title} matters to me.` : null, JSON.stringify(kinds), created, created)
        custom.push({ id, kind, parent })
        return id
      }
      const specialization = stages[1] ?? stages[0] ?? tracks[0] ?? ''
      const customTrack = addCustom('track', specialization, 'Go Developer')
      const customGroup = addCustom('strategy-group', stages.at(-1) ?? specialization, 'Teaching')
      for (let i = 2; i < size.customItems; i++) {
        if (i % 4 === 0) addCustom('strategy', pick([customGroup, ...groups]), `Custom strategy ${i}`, [pickKind(), pickKind()])
        else if (i % 4 === 1) addCustom('skill', pick(tracks), `Extra skill ${i}`)
        else addCustom('skill', customTrack, `Go skill ${i}`)
      }
      const allSkills = [...skills, ...custom.filter((c) => c.kind === 'skill').map((c) => c.id)]
      const allStrategies = [...strategies, ...custom.filter((c) => c.kind === 'strategy').map((c) => c.id)]

      // Every skill and strategy: a status history and, for skills, a level history over the years.
      for (const itemId of [...allSkills, ...allStrategies]) {
        const isSkill = allSkills.includes(itemId)
        let status = 'not-started'
        let level: number | null = null
        let day = int(0, Math.floor(totalDays / 3))
        const changes = int(3, 14)
        for (let c = 0; c < changes && day < totalDays; c++) {
          const next = status === 'not-started' ? 'in-progress' : status === 'in-progress' ? (chance(0.85) ? 'done' : 'skipped') : chance(0.3) ? 'in-progress' : status
          if (next !== status) {
            inserts.history.run(itemId, 'status', status, next, at(day, c))
            status = next
          }
          if (isSkill) {
            const nextLevel = Math.max(0, Math.min(5, (level ?? 0) + (chance(0.85) ? 1 : -1)))
            if (nextLevel !== level) {
              inserts.history.run(itemId, 'level', level === null ? null : String(level), String(nextLevel), at(day, c + 30))
              level = nextLevel
            }
          }
          day += int(20, Math.max(21, Math.floor(totalDays / changes)))
        }
        // One custom skill is hidden, so the progress rule's hidden branch is exercised too.
        const hidden = itemId === allSkills.at(-1) ? 1 : 0
        inserts.state.run(itemId, status, isSkill ? level : null, chance(0.4) ? `Notes on ${itemId}: ${pick(nouns)}.` : null, hidden, at(Math.min(day, totalDays - 1)))
        for (let e = int(0, 3); e > 0; e--) inserts.evidence.run(itemId, `https://example.org/evidence/${itemId}/${e}`, null, chance(0.5) ? 'What it shows' : null, at(int(0, totalDays - 1)))
      }
      inserts.setting.run('roadmap.activePathId', JSON.stringify(pathId))
      inserts.setting.run(`roadmap.chosenTracks.${pathId}`, JSON.stringify([...tracks.slice(0, 2), customTrack]))

      // Goals, spread over the years; the old ones mostly finished, the recent ones open.
      const linkable = [...allSkills, ...allStrategies, ...tracks]
      const milestoneCounts = new Map<number, number>()
      for (let m = 0; m < size.milestones; m++) {
        const goal = int(0, size.goals - 1)
        milestoneCounts.set(goal, (milestoneCounts.get(goal) ?? 0) + 1)
      }
      for (let g = 0; g < size.goals; g++) {
        const id = g + 1
        const start = Math.min(totalDays - 1, Math.floor((g / size.goals) * totalDays) + int(0, 10))
        const target = chance(0.1) ? null : start + int(14, 365)
        const recent = target === null || target > totalDays - 90
        // A few old goals stay open long past their date, as they do: one in twenty.
        const status = recent ? pick(['active', 'active', 'active', 'paused', 'done']) : chance(0.05) ? pick(['active', 'paused']) : chance(0.8) ? 'done' : 'dropped'
        const archived = !recent && (status === 'done' || status === 'dropped') && chance(0.4) ? at(Math.min(totalDays - 1, (target ?? start) + 30)) : null
        const created = at(start)
        inserts.goal.run(
          id,
          `${pick(verbs)} ${pick(nouns)} (${g + 1})`,
          chance(0.5) ? `Goal ${g + 1}: ${pick(nouns)} ${pick(noteWords)} ${pick(noteWords)}.` : null,
          dayAt(start),
          target === null ? null : dayAt(Math.min(target, totalDays + 400)),
          pick(['low', 'medium', 'medium', 'high']),
          status,
          int(0, 100),
          created,
          at(Math.min(totalDays - 1, start + 5)),
          archived,
        )
        for (let l = int(1, 3); l > 0; l--) inserts.goalItem.run(id, pick(linkable), l)
        // One finished goal in three counted activities ("50 merged pull requests"), every other
        // one in one repository: chosen by id, not drawn, so the rest of the history stays as it
        // was, and only finished goals, whose progress the dashboard's SQL baseline leaves out.
        if (id % 3 === 0 && (status === 'done' || status === 'dropped')) {
          inserts.activityTarget.run(id, 50, JSON.stringify(['pull-request']), 'merged', id % 2 === 0 ? (repositories[id % 10] ?? null) : null)
        }
        const count = milestoneCounts.get(g) ?? 0
        const span = (target ?? start + 180) - start
        for (let m = 0; m < count; m++) {
          const due = start + Math.floor(((m + 1) / (count + 1)) * span)
          const done = status === 'done' || (due < totalDays - 1 && chance(status === 'dropped' ? 0.3 : 0.8))
          inserts.milestone.run(id, `Milestone ${m + 1} of goal ${id}`, chance(0.9) ? dayAt(due) : null, done ? at(Math.min(totalDays - 1, due)) : null, m, created, created)
        }
      }
      // Activities: more of them as the years go on, fewer at weekends, oldest first (ids follow dates).
      const days: number[] = []
      while (days.length < size.activities) {
        // Density grows with the career (twice as much in the last year as in the first):
        // the inverse of the distribution function of 1 + t on [0, 1].
        const offset = Math.min(totalDays - 1, Math.floor((Math.sqrt(1 + 3 * random()) - 1) * totalDays))
        const weekday = addDays(firstDay, offset).getUTCDay()
        if ((weekday === 0 || weekday === 6) && chance(0.6)) continue
        days.push(offset)
      }
      days.sort((a, b) => a - b)
      let activityId = 0
      for (const offset of days) {
        activityId += 1
        const kind = pickKind()
        const repo = repoKinds.has(kind) ? pickRepo() : kind === 'talk' || kind === 'meetup' ? null : chance(0.2) ? pickRepo() : null
        const recent = offset > totalDays - 60
        const state =
          kind === 'pull-request' ? (recent && chance(0.5) ? 'open' : chance(0.8) ? 'merged' : 'closed') : kind === 'issue' ? (recent && chance(0.5) ? 'open' : chance(0.85) ? 'closed' : 'open') : null
        const source = repo !== null && chance(0.7) ? (kind === 'commits' ? 'git' : 'github') : chance(0.05) ? 'csv' : 'manual'
        const number = activityId
        const url = repo !== null && kind !== 'commits' ? `https://github.com/${repo}/${kind === 'issue' ? 'issues' : 'pull'}/${number}` : chance(0.3) ? `https://example.org/a/${number}` : null
        const title = kind === 'commits' ? `${int(1, 12)} commits to ${repo ?? 'a project'}` : `${pick(verbs)} ${pick(nouns)}${chance(0.3) ? ` in ${pick(projects)}` : ''}`
        const notes = chance(0.25) ? Array.from({ length: int(6, 24) }, () => pick(noteWords)).join(' ') : null
        const hours = kind === 'learning' || kind === 'talk' || kind === 'meetup' || chance(0.2) ? int(1, 16) / 2 : null
        const goalId = chance(0.15) ? Math.min(size.goals, Math.max(1, Math.round((offset / totalDays) * size.goals) + int(-5, 5))) : null
        const externalKey = source === 'manual' ? null : `${source}:${kind}:${repo ?? 'none'}#${number}`
        const created = at(offset, int(0, 600))
        inserts.activity.run(
          activityId,
          kind,
          dayAt(offset),
          title,
          url,
          repo,
          state,
          hours,
          notes,
          goalId,
          source,
          externalKey,
          kind === 'commits' ? int(1, 30) : null,
          kind === 'pull-request' || kind === 'commits' ? int(1, 2_000) : null,
          created,
          created,
        )
        for (let s = chance(0.6) ? int(1, 2) : 0; s > 0; s--) inserts.activitySkill.run(activityId, pick(allSkills))
        if (chance(0.002)) inserts.evidence.run(pick(allSkills), null, activityId, 'Logged work', created)
      }
    })()

    // Through the contract, as the person would: repositories kept out of reports.
    await must(api.reports.setPrivateRepositories({ repositories: ['acme/*', repositories[1] ?? 'me/secret'] }))

    return { dataDir: options.dataDir, end: options.end, size, ...describeStore(db), millis: performance.now() - started }
  } finally {
    core.close()
  }
}


const countedTables = ['activity', 'activity_skill', 'goal', 'milestone', 'goal_item', 'item_state', 'item_state_history', 'item_evidence', 'custom_item']

function describeStore(db: Db): Pick<GeneratedDataset, 'rows' | 'sample'> {
  const rows: Record<string, number> = {}
  for (const table of countedTables) rows[table] = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0
  const topRepo = db.prepare<[], { repo: string }>('SELECT repo FROM activity WHERE repo IS NOT NULL GROUP BY repo ORDER BY count(*) DESC LIMIT 1').get()?.repo
  return { rows, sample: { repo: topRepo ?? '', word: 'router' } }
}

/** A data set generated earlier (`npm run bench -- --keep`), to measure it again. */
export async function describeDataset(dataDir: string, contentDir: string, end: string, size: DatasetSize): Promise<GeneratedDataset> {
  const core = await createCore({ dataDir, contentDir, now: () => new Date(`${end}T12:00:00.000Z`), log: silent })
  try {
    return { dataDir, end, size, ...describeStore(core.db), millis: 0 }
  } finally {
    core.close()
  }
}
