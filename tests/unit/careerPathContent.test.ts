import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { careerPathSchema, type CareerPathFile } from '@shared/domain/careerPath'
import { loadPathFile } from '../../electron/core/content/loadPaths'
import { contentDir, openTempCore, repoRoot } from '../support/tempCore'

const seedCopy = join(repoRoot, 'tests', 'fixtures', 'seed-backend-developer.txt')
const seedOriginal = join(repoRoot, '..', 'shared', 'seeds', '000_716306fde4bdfeef.txt')
const backend = loadPathFile(join(contentDir, 'backend-developer.json'))

/** Every way the data file can state a fact of the seed's text. */
function statements(path: CareerPathFile): Set<string> {
  const out = new Set<string>([path.title, path.source ?? '', path.summary ?? '', 'Key Skills'])
  for (const stage of path.stages) {
    out.add(stage.title).add(stage.description ?? '')
    if (stage.duration?.years) out.add(`${stage.duration.years} years`)
    if (stage.skills.length) out.add(stage.skills.map((s) => s.title).join(' '))
    for (const track of stage.tracks) {
      out.add(track.title).add(track.tagline ?? '').add(track.description ?? '').add(track.skills.map((s) => s.title).join(' '))
      if (track.salary) out.add(`Salary Range: $${track.salary.min.toLocaleString('en-US')} - $${track.salary.max.toLocaleString('en-US')}`)
    }
    for (const group of stage.strategyGroups) {
      out.add(group.title)
      for (const strategy of group.strategies) out.add(strategy.title).add(strategy.description ?? '')
    }
  }
  return out
}

describe('the career path content', () => {
  it('is the seed file, copied unchanged into the fixtures', () => {
    if (!existsSync(seedOriginal)) return // Outside the team's checkout the copy is the reference.
    expect(readFileSync(seedCopy, 'utf8')).toBe(readFileSync(seedOriginal, 'utf8'))
  })

  it('holds every fact of the seed file', () => {
    const facts = statements(backend)
    const lines = readFileSync(seedCopy, 'utf8')
      .split('\n')
      .map((line) => line.replace(/^\s*•\s*/, '').trim())
      .filter(Boolean)
    const missing = lines.filter((line) => !facts.has(line) && line !== 'Traditional Career Path')
    expect(missing).toEqual([])
    expect(backend.source).toBe('Traditional Career Path')
    expect(lines.length).toBeGreaterThan(30)
  })

  it('has the structure the seed describes', () => {
    const [degree, tracks, strategies] = backend.stages
    expect(degree?.duration).toEqual({ years: 4 })
    expect(degree?.skills.map((s) => s.title)).toEqual(['Programming Languages', 'Data Structures', 'Algorithms'])
    expect(tracks?.tracks.map((t) => [t.title, t.skills.map((s) => s.title), t.salary?.min, t.salary?.max])).toEqual([
      ['Node.js Developer', ['JavaScript', 'Asynchronous Programming'], 70000, 110000],
      ['Java Developer', ['Java', 'Spring Framework'], 80000, 120000],
    ])
    expect(strategies?.strategyGroups.map((g) => [g.title, g.strategies.map((s) => s.title)])).toEqual([
      ['Strategies for Growth', ['Pursue Advanced Certifications', 'Engage in Open Source Projects']],
      ['Professional Networking', ['Join Developer Meetups', 'Participate in Online Forums']],
      ['Building Your Brand', ['Create a GitHub Portfolio', 'Write Technical Blogs']],
    ])
  })

  it('ships a JSON Schema generated from the zod schema', () => {
    const file = join(repoRoot, 'data', 'career-path.schema.json')
    const generated = `${JSON.stringify(z.toJSONSchema(careerPathSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`
    if (process.env.UPDATE_SCHEMA) writeFileSync(file, generated)
    expect(readFileSync(file, 'utf8')).toBe(generated)
  })

  it('rejects a path file with a duplicate id, naming it', () => {
    const broken = { ...backend, stages: [...backend.stages, { ...backend.stages[0] }] }
    const result = careerPathSchema.safeParse(broken)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.message)).toContain('Duplicate id "stage.cs-degree"')
  })

  it('loads a second role from a file, with no code change', async () => {
    const core = await openTempCore({ extraPathFiles: [join(repoRoot, 'tests', 'fixtures', 'go-developer.json')] })
    try {
      const paths = await core.dispatch('roadmap.listPaths', undefined)
      expect(paths.ok && paths.value).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: 'go-developer', title: 'Go Developer' }), expect.objectContaining({ id: 'backend-developer' })]),
      )
      const rows = core.db.prepare("SELECT id, kind, parent_id FROM content_item WHERE path_id = 'go-developer' ORDER BY id").all()
      expect(rows).toContainEqual({ id: 'track.cloud-native', kind: 'track', parent_id: 'stage.go-tracks' })
      expect(rows).toContainEqual({ id: 'strategy.gophercon', kind: 'strategy', parent_id: 'group.go-community' })
    } finally {
      core.dispose()
    }
  })
})
