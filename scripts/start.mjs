// npm start: the desktop app; where Electron's binary cannot be had, the web host instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'
// How the core's process starts (electron/core/process/coreRuntime.ts says why): the same everywhere it runs.
import coreRuntime from '../electron/core/process/coreRuntime.json' with { type: 'json' }

const root = join(import.meta.dirname, '..')
const electronDir = join(root, 'node_modules', 'electron')

/** Electron downloads its binary on first use; a failed download means there is none here. */
function electronBinaryAvailable() {
  const pathFile = join(electronDir, 'path.txt')
  const present = () => existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()))
  if (present()) return true
  const install = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 5 * 60_000 })
  return install.status === 0 && present()
}

buildIfNeeded()
const args = process.argv.slice(2)
const child = electronBinaryAvailable()
  ? spawn(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'preview', '--skipBuild', ...args], { cwd: root, stdio: 'inherit' })
  : (console.log('Electron is not available on this machine (its binary could not be downloaded); starting the web host instead.'),
    spawn(process.execPath, [...coreRuntime.execArgv, join(root, 'out', 'main', 'web.js'), '--open', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...coreRuntime.env } }))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
