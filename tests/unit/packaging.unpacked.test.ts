import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listPackage } from '@electron/asar'
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses'
import { makeTempDir, repoRoot } from '../support/tempCore'

// electron-builder --dir for real, against a stand-in Electron dist: Electron's binary cannot be
// downloaded here, and packing only copies it. The stand-in carries a fuse wire laid out as
// Electron 45's (sentinel, version 1, eight fuses at Electron's defaults), so the fuses that
// electron-builder.yml asks for are flipped and read back as in a real package.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const electronDefaults = '10110001'
/** A fuse's state as the wire stores it: the characters '0' and '1'. */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const
const platform = 'linux'
const arch = 'x64'

function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const binary = join(dir, 'electron')
  writeFileSync(binary, Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, electronDefaults.length]), Buffer.from(electronDefaults)]))
  chmodSync(binary, 0o755)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in')
}

describe('the packaged app (electron-builder --dir)', () => {
  let work: string
  let appDir: string
  let files: string[]

  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'out', 'main', 'index.js'))) throw new Error('Build the app first (npm run build): the package is made from out/.')
    work = makeTempDir('pathfinder-pack-')
    const dist = join(work, 'electron-dist')
    standInElectron(dist)
    const cli = join(repoRoot, 'node_modules', 'electron-builder', 'cli.js')
    const run = spawnSync(process.execPath, [cli, '--dir', `--${platform}`, `--${arch}`, `-c.electronDist=${dist}`, `-c.directories.output=${join(work, 'dist')}`], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    })
    if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`)
    appDir = join(work, 'dist', `${platform}-unpacked`)
    files = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false })
    const bytes = statSync(join(appDir, 'resources', 'app.asar')).size
    console.log(`app.asar: ${(bytes / 1024 / 1024).toFixed(1)} MiB, ${files.length} entries`)
  }, 180_000)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('carries the built main process, preload, renderer and the career paths', () => {
    expect(files).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/main/coreProcess.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']))
    expect(files.some((f) => f.startsWith('/node_modules/better-sqlite3/lib/'))).toBe(true)
    expect(readdirSync(join(appDir, 'resources', 'data', 'paths')).filter((f) => f.endsWith('.json')).length).toBeGreaterThan(0)
  })

  it('leaves out tests, sources, source maps, secrets and development dependencies', () => {
    const unwanted = files.filter(
      (f) =>
        /^\/(tests|electron|renderer|shared|bench|scripts|security|patches|docs)\//.test(f) ||
        f.endsWith('.map') ||
        /(^|\/)\.env(\.|$)/.test(f) ||
        /^\/node_modules\/(electron|vite|vitest|vue|typescript|eslint|@playwright|node|electron-builder|@doyensec)\//.test(f) ||
        f.startsWith('/node_modules/better-sqlite3/src/') ||
        f.startsWith('/node_modules/better-sqlite3/deps/'),
    )
    expect(unwanted).toEqual([])
  })

  it("unpacks better-sqlite3's binary for this platform only, beside the asar", () => {
    const prebuilds = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds')
    expect(readdirSync(prebuilds)).toEqual([`${platform}-${arch}.node`])
  })

  it('flips the security fuses electron-builder.yml asks for', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'pathfinder'))
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE)
  })
})
