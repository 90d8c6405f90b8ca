import { createRequire } from 'node:module'
import { join } from 'node:path'
import { cruise, type IConfiguration } from 'dependency-cruiser'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../support/tempCore'

// The circle check `npm run lint` runs, pointed at a two-file circle (type-only imports, the
// kind that slipped through before) to prove it fails on one.
const config: IConfiguration = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs'))

describe('the import circle check', () => {
  it('refuses two files that import each other, types included', async () => {
    const { output } = await cruise([join('tests', 'fixtures', 'cycle')], {
      ...config.options,
      exclude: { path: '^(out|dist|node_modules)/' },
      baseDir: repoRoot,
      validate: true,
      ruleSet: { forbidden: config.forbidden ?? [] },
    })
    if (typeof output === 'string') throw new Error('expected a cruise result, not a report')
    expect(output.summary.violations.map((v) => v.rule.name)).toEqual(['no-circular'])
    expect(output.summary.violations[0]?.cycle?.map((step) => step.name)).toEqual(expect.arrayContaining(['tests/fixtures/cycle/a.ts', 'tests/fixtures/cycle/b.ts']))
  })
})
