// npm run bench -- [--activities N] [--skip-browser] [--readme] [--keep] [--end YYYY-MM-DD] (see README, Performance)
// Builds the app when stale (the browser part drives the built web host), bundles bench/run.ts
// with Vite into out/bench/run.js, and runs it: one process for the whole measurement.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'

const root = join(import.meta.dirname, '..')
const node = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1

function run(app) {
  for (const dir of ['out/main', 'out/renderer', 'data/paths']) cpSync(join(root, dir), join(app, dir), { recursive: true })
  symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir')
  const html = readFileSync(join(app, 'out', 'renderer', 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/src="(?:\.?\/)?(assets\/[^"]+)"/g)].map((m) => m[1])
  if (scripts.length === 0 || !scripts.every((s) => existsSync(join(app, 'out', 'renderer', s)))) {
    console.error('The build in out/ is incomplete (a build may be running): run npm run bench again.')
    return 1
  }
  const bundled = node([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'bench', 'vite.config.ts')])
  if (bundled !== 0) return bundled
  return node(['--enable-source-maps', join(root, 'out', 'bench', 'run.js'), '--app-root', app, ...process.argv.slice(2)])
}

buildIfNeeded()
// The web host runs from a snapshot of the build: a rebuild of out/ during the run (tests, other
// work in the same tree) would otherwise swap the renderer's files under the browser.
const app = mkdtempSync(join(tmpdir(), 'pathfinder-bench-app-'))
const status = (() => {
  try {
    return run(app)
  } finally {
    rmSync(app, { recursive: true, force: true })
  }
})()
process.exit(status)
