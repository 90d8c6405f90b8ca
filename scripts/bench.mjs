// npm run bench -- [--activities N] [--skip-browser] [--readme] [--keep] [--end YYYY-MM-DD]
// Builds the app when stale (the browser part drives the built web host), bundles bench/run.ts
// with Vite into out/bench/run.js, and runs it: one process for the whole measurement.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'

const root = join(import.meta.dirname, '..')
buildIfNeeded()
const bundle = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'bench', 'vite.config.ts')], {
  cwd: root,
  stdio: 'inherit',
})
if (bundle.status !== 0) process.exit(bundle.status ?? 1)
const run = spawnSync(process.execPath, ['--enable-source-maps', join(root, 'out', 'bench', 'run.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
process.exit(run.status ?? 1)
