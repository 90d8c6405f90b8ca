/**
 * The crash test's victim: a real core writing real transactions through the dispatcher in
 * a loop, printing one JSON line per write only after the call has answered ok, i.e. after
 * the commit. The parent kills it with SIGKILL at random moments and checks that every
 * printed write survived and that nothing is half written.
 *
 * What it writes, so the parent can check atomicity without knowing which writes committed:
 * - status changes (item_state + item_state_history in one transaction);
 * - goals titled "crash goal: M milestones, L links" with exactly that many milestones and links;
 * - activities titled "crash activity: S skills" with exactly that many skills (when the
 *   activities channels exist).
 * Now and then it also imports its own export: one big transaction replacing every user
 * table with the same rows, which a kill must leave either wholly old or wholly new (the same
 * data either way, so every acknowledged write must still be there).
 * The clock never repeats or goes back, even across restarts, so each write has its own time.
 * argv: <dataDir> <contentDir>
 */
import { z } from 'zod'
import { createCore } from '../../../electron/core/core'
import { seededRandom } from '../../../bench/seededRandom'

const [dataDir, contentDir, seedArg] = process.argv.slice(2)
// The parent's seed for this run, so a failure replays with the same choices (CRASH_SEED).
const random = seededRandom(Number(seedArg ?? 1))
if (!dataDir || !contentDir) throw new Error('usage: crashWriter <dataDir> <contentDir>')

let last = 0
const now = () => {
  last = Math.max(Date.now(), last + 1)
  return new Date(last)
}
const silent = { error: () => {}, warn: () => {}, info: () => {} }
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`)

const core = await createCore({ dataDir, contentDir, log: silent, now })
const latest = core.db.prepare('SELECT max(at) FROM item_state_history').pluck().get()
if (typeof latest === 'string') last = Math.max(last, Date.parse(latest))
say({ t: 'ready' })

const okValue = <T extends z.ZodType>(schema: T) => z.object({ ok: z.literal(true), value: schema })
const roadmap = okValue(z.object({ items: z.array(z.object({ id: z.string(), kind: z.string(), status: z.string() })) })).parse(await core.dispatch('roadmap.get', {}))
const skills = roadmap.value.items.filter((i) => i.kind === 'skill').slice(0, 30)
const statusOf = new Map(skills.map((s) => [s.id, s.status]))
const statuses = ['not-started', 'in-progress', 'done', 'skipped']
const pick = <T>(list: readonly T[]): T => {
  const value = list[Math.floor(random() * list.length)]
  if (value === undefined) throw new Error('empty list')
  return value
}
const some = <T>(list: readonly T[], count: number): T[] => [...list].sort(() => random() - 0.5).slice(0, count)
const has = (channel: string) => core.channels.includes(channel)

async function writeStatus() {
  const item = pick(skills).id
  const current = statusOf.get(item) ?? 'not-started'
  const to = pick(statuses.filter((s) => s !== current))
  const result = okValue(z.object({ status: z.string(), statusChangedAt: z.string() })).parse(await core.dispatch('roadmap.setStatus', { itemId: item, status: to }))
  statusOf.set(item, to)
  say({ t: 'status', item, to, at: result.value.statusChangedAt })
}

async function writeGoal() {
  const milestones = Math.floor(random() * 5)
  const links = Math.floor(random() * 3)
  const result = okValue(z.object({ id: z.number() })).parse(
    await core.dispatch('goals.create', {
      title: `crash goal: ${milestones} milestones, ${links} links`,
      itemIds: some(skills, links).map((s) => s.id),
      milestones: Array.from({ length: milestones }, (_, i) => ({ title: `step ${i + 1}` })),
    }),
  )
  say({ t: 'goal', id: result.value.id, milestones, links })
}

async function writeActivity() {
  const count = 1 + Math.floor(random() * 3)
  const result = okValue(z.object({ id: z.number() })).parse(
    await core.dispatch('activities.create', {
      kind: 'pull-request',
      date: '2026-05-01',
      title: `crash activity: ${count} skills`,
      repo: 'crash/test',
      notes: 'written while being killed',
      skillIds: some(skills, count).map((s) => s.id),
    }),
  )
  say({ t: 'activity', id: result.value.id, skills: count })
}

const writers = [writeStatus, writeStatus, writeStatus, ...(has('goals.create') ? [writeGoal] : []), ...(has('activities.create') ? [writeActivity] : [])]
async function reimportEverything() {
  say({ t: 'importing' })
  const exported = okValue(z.object({ json: z.string() })).parse(await core.dispatch('data.exportAll', {}))
  okValue(z.unknown()).parse(await core.dispatch('data.importAll', { json: exported.value.json }))
  say({ t: 'import' })
}

// Sometimes a backup too: a kill in the middle of one must never leave a file that looks whole.
const backupAfter = random() < 0.15 ? Math.floor(random() * 20) : -1
const importAfter = random() < 0.2 ? Math.floor(random() * 15) : -1
for (let n = 0; ; n++) {
  if (n === backupAfter) await core.dispatch('backups.create', {})
  if (n === importAfter) await reimportEverything()
  await pick(writers)()
}
