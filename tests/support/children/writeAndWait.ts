/**
 * A person's first minutes in a new data folder: a real core writes goals and activities
 * through the dispatcher, prints "written" once every call has answered ok (committed), then
 * stays open until the parent kills it, so the writes sit in the write-ahead log.
 * argv: <dataDir> <contentDir>
 */
import { createCore } from '../../../electron/core/core'

const [dataDir, contentDir] = process.argv.slice(2)
if (!dataDir || !contentDir) throw new Error('usage: writeAndWait <dataDir> <contentDir>')
const silent = { error: () => {}, warn: () => {}, info: () => {} }
const core = await createCore({ dataDir, contentDir, log: silent })

for (let n = 1; n <= 3; n++) {
  const goal = await core.dispatch('goals.create', { title: `first goal ${n}`, milestones: [{ title: 'a step' }] })
  const activity = await core.dispatch('activities.create', { kind: 'pull-request', date: '2026-05-01', title: `first activity ${n}`, repo: 'o/r' })
  if (!goal.ok || !activity.ok) throw new Error(`a write was refused: ${JSON.stringify([goal, activity])}`)
}
process.stdout.write('written\n')
setInterval(() => {}, 60_000)
