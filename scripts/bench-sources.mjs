// node scripts/bench-sources.mjs [--items N] [--runs N]: time to import 2,000 items per source
// (Stack Exchange over a loopback server, a feed file, a calendar file; badges per badge).
// Bundles bench/sourceImports.ts with Vite, as scripts/bench.mjs does the main benchmark.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const node = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1
const bundled = node([join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'bench', 'sources.vite.config.ts')])
process.exit(bundled !== 0 ? bundled : node(['--enable-source-maps', join(root, 'out', 'bench-sources', 'run.js'), ...process.argv.slice(2)]))
