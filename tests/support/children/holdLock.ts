/**
 * Opens a real core on a data folder and keeps it open: a second Pathfinder in another
 * process. Prints "ready" once open; closes and exits on "close" from stdin.
 * argv: <dataDir> <contentDir>
 */
import { createCore } from '../../../electron/core/core'

const [dataDir, contentDir] = process.argv.slice(2)
if (!dataDir || !contentDir) throw new Error('usage: holdLock <dataDir> <contentDir>')
const silent = { error: () => {}, warn: () => {}, info: () => {} }
const core = await createCore({ dataDir, contentDir, log: silent })
process.stdout.write('ready\n')
process.stdin.on('data', (chunk) => {
  if (!chunk.toString().includes('close')) return
  core.close()
  process.stdout.write('closed\n')
  process.exit(0)
})
