// Builds the app when out/ is missing or older than any source file, so `npm start` and
// `npm run web` work straight after `npm install` and never run stale code.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const sources = ['electron', 'renderer', 'shared', 'data', 'electron.vite.config.ts']
const outputs = [join(root, 'out', 'main', 'web.js'), join(root, 'out', 'main', 'index.js'), join(root, 'out', 'main', 'coreProcess.js'), join(root, 'out', 'renderer', 'index.html')]

function newestMtime(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

export function buildIfNeeded() {
  const built = outputs.every((file) => existsSync(file)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0
  const source = Math.max(...sources.map((s) => newestMtime(join(root, s))))
  if (built > source) return
  console.log('Building Pathfinder…')
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
