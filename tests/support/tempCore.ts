import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type Core, type CoreOptions } from '../../electron/core/core'

export const repoRoot = join(import.meta.dirname, '..', '..')
export const contentDir = join(repoRoot, 'data', 'paths')

export const makeTempDir = (prefix = 'pathfinder-test-'): string => mkdtempSync(join(tmpdir(), prefix))

/** A real core on a real SQLite file in a fresh temp folder. */
export async function openTempCore(overrides: Partial<CoreOptions> = {}): Promise<Core & { dataDir: string; dispose(): void }> {
  const dataDir = overrides.dataDir ?? makeTempDir()
  const silent = { error: () => {}, warn: () => {}, info: () => {} }
  const core = await createCore({ dataDir, contentDir, log: silent, ...overrides })
  return Object.assign(core, {
    dataDir,
    dispose() {
      core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  })
}
