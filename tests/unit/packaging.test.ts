import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { load } from 'js-yaml'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'app-builder-lib'
import { repoRoot } from '../support/tempCore'

const read = (): unknown => load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8'))
const isConfiguration = (value: unknown): value is Configuration => typeof value === 'object' && value !== null && !Array.isArray(value)

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    const config = read()
    expect(isConfiguration(config)).toBe(true)
    if (isConfiguration(config)) await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('rejects a misspelt option, so the check above can fail', async () => {
    const misspelt: unknown = load('productName: Pathfinder\nlinux:\n  targett: [AppImage]\n')
    if (!isConfiguration(misspelt)) throw new Error('fixture is not a mapping')
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.linux/)
  })

  it('builds the installers users expect and sets the security fuses', () => {
    const config = read()
    if (!isConfiguration(config)) throw new Error('electron-builder.yml is not a mapping')
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.mac?.target).toEqual(['dmg'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })
})
