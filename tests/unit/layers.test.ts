import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/tempCore'

// Each fixture is linted by the project's own ESLint config as if it were the file its first
// line names, so a rule that stops holding (a block that lifts another's bans, a pattern that no
// longer matches) fails here instead of passing quietly.
const fixtureDir = join(repoRoot, 'tests', 'fixtures', 'layers')
const fixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => {
    const text = readFileSync(join(fixtureDir, name), 'utf8')
    const lintAs = /^\/\/ lint-as: (\S+)/.exec(text)?.[1]
    if (!lintAs) throw new Error(`${name} does not say which file it stands for`)
    return { name, text, lintAs }
  })

const eslint = new ESLint({ cwd: repoRoot })
const restrictedImports = async (text: string, lintAs: string): Promise<string[]> => {
  const [result] = await eslint.lintText(text, { filePath: join(repoRoot, lintAs) })
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`)
}

describe('layer rules', () => {
  const forbidden = fixtures.filter((f) => !f.name.startsWith('allowed-'))

  it('has a fixture for every rule', () => {
    expect(forbidden.map((f) => f.name.replace(/\.ts$/, '')).sort()).toEqual(
      expect.arrayContaining([
        'renderer-imports-electron',
        'renderer-imports-node',
        'renderer-imports-core',
        'shared-imports-core',
        'shared-imports-renderer',
        'core-imports-electron',
        'core-imports-web',
        'core-imports-main',
        'core-imports-preload',
        'main-imports-web',
        'web-imports-main',
      ]),
    )
  })

  it.each(forbidden.map((f) => [f.name, f] as const))('refuses %s', async (_name, fixture) => {
    const messages = await restrictedImports(fixture.text, fixture.lintAs)
    expect(messages.length).toBeGreaterThan(0)
    expect(messages.every((m) => m.startsWith('no-restricted-imports: '))).toBe(true)
  })

  it.each(fixtures.filter((f) => f.name.startsWith('allowed-')).map((f) => [f.name, f] as const))('lets %s through', async (_name, fixture) => {
    expect(await restrictedImports(fixture.text, fixture.lintAs)).toEqual([])
  })
})
