// Gives the desktop app a better-sqlite3 built for Electron's ABI, in native/electron/, while
// node_modules keeps the build for Node that the tests and the web host load. The build runs
// in a copy of the package, so nothing here can touch node_modules/better-sqlite3/build.
// Where it cannot be made (no network for Electron's headers or prebuilt binaries), it says
// so in one line and exits 0: the web host and the tests do not need it.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const outDir = join(root, 'native', 'electron')
const marker = join(outDir, 'target.json')

if (process.env.PATHFINDER_SKIP_ELECTRON_NATIVE) process.exit(0)

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
const target = { electron: electronVersion, betterSqlite3: sqliteVersion, arch: process.arch, platform: process.platform }

if (existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(target)) process.exit(0)

const work = join(root, 'native', '.build')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
cpSync(sqliteDir, join(work, 'better-sqlite3'), { recursive: true, filter: (src) => !src.includes(`${sqliteDir}/build`) })
const pkgDir = join(work, 'better-sqlite3')

// npm sets npm_config_nodedir for node-gyp to use Node's headers; Electron needs its own.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)))
const run = (command, args) => spawnSync(command, args, { cwd: pkgDir, env, encoding: 'utf8', timeout: 10 * 60_000 })
const bin = (name) => join(root, 'node_modules', '.bin', name)

const attempts = [
  () => run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]),
  () => run(bin('node-gyp'), ['rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`]),
]

const built = join(pkgDir, 'build', 'Release', 'better_sqlite3.node')
let lastError = ''
for (const attempt of attempts) {
  const result = attempt()
  if (result.status === 0 && existsSync(built)) {
    mkdirSync(outDir, { recursive: true })
    copyFileSync(built, join(outDir, 'better_sqlite3.node'))
    writeFileSync(marker, JSON.stringify(target))
    rmSync(work, { recursive: true, force: true })
    console.log(`better-sqlite3 for Electron ${electronVersion} is in native/electron/.`)
    process.exit(0)
  }
  const lines = `${result.error?.message ?? ''}\n${result.stderr ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean)
  lastError = lines.find((l) => /ENOTFOUND|EAI_AGAIN|ECONN|fetch failed|network|404|403/i.test(l)) ?? lines.at(-1) ?? ''
}
rmSync(work, { recursive: true, force: true })
console.log(`Skipped the Electron build of better-sqlite3 (${lastError || 'no network'}); the desktop app needs it, the web host and tests do not.`)
