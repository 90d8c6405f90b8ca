// npm run web -- [--port N] [--data-dir DIR] [--open]: the app in any browser, on 127.0.0.1.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'
// How the core's process starts (electron/core/process/coreRuntime.ts says why): the same everywhere it runs.
import coreRuntime from '../electron/core/process/coreRuntime.json' with { type: 'json' }

buildIfNeeded()
const child = spawn(process.execPath, [...coreRuntime.execArgv, join(import.meta.dirname, '..', 'out', 'main', 'web.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ...coreRuntime.env },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
