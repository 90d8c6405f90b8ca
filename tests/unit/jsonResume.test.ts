import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Validator, type Schema } from 'jsonschema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { ReportOptionsInput } from '@shared/contract/reports'
import type { JsonResume } from '@shared/domain/jsonResume'
import { safeLink } from '../../electron/core/reports/jsonResume/resumeUrls'
import { apiOf, must, refused } from '../support/api'
import { hostile, openClockedCore, secrets, seedYear } from '../support/reportSeed'
import { repoRoot } from '../support/tempCore'

type Clocked = Awaited<ReturnType<typeof openClockedCore>>
let clocked: Clocked
let api: ReturnType<typeof apiOf>

// The schema as the @jsonresume/schema package ships it, judged by the validator that package uses.
const schemaFile = join(repoRoot, 'node_modules', '@jsonresume', 'schema', 'schema.json')
const schema = z.custom<Schema>((v) => typeof v === 'object' && v !== null).parse(JSON.parse(readFileSync(schemaFile, 'utf8')))
const schemaErrors = (document: unknown): string[] => new Validator().validate(document, schema).errors.map((e) => `${e.property} ${e.message}`)

const hostileTitle = `Quote " backslash \\ ${hostile.script} line\u2028sep 🚀 ${hostile.link}`
const hostileImpact = `<img src=x onerror=alert(1)> "cut p95" \\ from 800 ms to 120 ms`

beforeAll(async () => {
  clocked = await openClockedCore('2025-12-01T00:00:00Z')
  api = apiOf(clocked.core)
  await seedYear(api, clocked.set)
  clocked.set('2026-11-20T10:00:00Z')
  await must(api.profile.save({ name: 'Ada Lovelace', jobTitle: 'Backend developer' }))
  await must(api.imports.setSettings({ githubUsername: 'ada-l' }))
  const log = async (draft: Parameters<typeof api.activities.create>[0]) => must(api.activities.create(draft))
  await log({ kind: 'pull-request', date: '2026-10-01', title: hostileTitle, url: 'https://github.com/spring-projects/spring-boot/pull/104', repo: 'spring-projects/spring-boot', state: 'merged', impact: hostileImpact })
  // No repository field: the link says where it belongs.
  await log({ kind: 'pull-request', date: '2026-10-02', title: 'Tidy the router tests', url: 'https://github.com/expressjs/express/pull/9', state: 'merged', impact: 'Halved the test suite time' })
  await log({ kind: 'code-review', date: '2026-10-03', title: 'Review of the prototype fix', repo: '__proto__' })
  await log({ kind: 'blog-post', date: '2026-10-05', title: 'Virtual threads, one year on', url: 'https://www.dev.to/ada/virtual-threads', impact: 'Read 12,000 times' })
  await log({ kind: 'portfolio-project', date: '2026-10-06', title: 'A rate limiter in Rust', url: 'https://github.com/ada-l/limiter' })
  clocked.set('2026-11-25T10:00:00Z')
})
afterAll(() => clocked.core.dispose())

const year: ReportOptionsInput = { period: { preset: 'custom', from: '2026-01-01', to: '2026-12-31' }, timeZone: 'Europe/Berlin', template: 'job-application' }

async function exportResume(options: ReportOptionsInput): Promise<{ text: string; resume: JsonResume; fileName: string }> {
  const done = await must(api.resume.export({ options, delivery: 'download' }))
  if (!done.download) throw new Error('A download delivery came back without its file')
  const text = done.download.content
  const parsed: JsonResume = JSON.parse(text)
  return { text, resume: parsed, fileName: done.fileName }
}

/** Open-source activities of 2026 per repository, straight from SQL: what the projects must add up to. */
function storeCounts(includePrivate: boolean): Map<string, { contributions: number; merged: number; first: string; last: string }> {
  const rows = clocked.core.db
    .prepare<[], { repo: string | null; url: string | null; state: string | null; kind: string; date: string }>(
      `SELECT repo, url, state, kind, date FROM activity
       WHERE deleted_at IS NULL AND date BETWEEN '2026-01-01' AND '2026-12-31'
         AND kind IN ('pull-request','issue','code-review','docs','release','commits') ORDER BY date`,
    )
    .all()
  const out = new Map<string, { contributions: number; merged: number; first: string; last: string }>()
  for (const r of rows) {
    const repo = r.repo ?? (r.url ? new URL(r.url).pathname.split('/').slice(1, 3).join('/') : null)
    if (!repo || (!includePrivate && repo.toLowerCase().startsWith('acme/'))) continue
    const seen = out.get(repo) ?? { contributions: 0, merged: 0, first: r.date, last: r.date }
    out.set(repo, { contributions: seen.contributions + 1, merged: seen.merged + (r.kind === 'pull-request' && r.state === 'merged' ? 1 : 0), first: seen.first, last: r.date })
  }
  return out
}

describe('JSON Resume export', () => {
  it('passes the JSON Resume schema, with our own fields only under meta', async () => {
    const { resume, fileName } = await exportResume(year)
    expect(schemaErrors(resume)).toEqual([])
    expect(fileName).toBe('ada-lovelace-resume.json')
    expect(Object.keys(resume).sort()).toEqual(['$schema', 'basics', 'certificates', 'meta', 'projects', 'publications', 'skills'])
    const schemaProperties = z.object({ properties: z.record(z.string(), z.unknown()) }).parse(schema).properties
    for (const key of Object.keys(resume)) expect(schemaProperties, `${key} is a JSON Resume field`).toHaveProperty(key)
    expect(resume.basics).toEqual({ name: 'Ada Lovelace', label: 'Backend developer', profiles: [{ network: 'GitHub', username: 'ada-l', url: 'https://github.com/ada-l' }] })
    // The validator does judge: a broken date fails it.
    expect(schemaErrors({ ...resume, certificates: [{ name: 'x', date: '20 August 2026' }] })).not.toEqual([])
  })

  it('lists each repository as a project whose figures match the store', async () => {
    const { resume } = await exportResume(year)
    const store = storeCounts(false)
    const openSource = resume.projects.filter((p) => p.type === 'open-source')
    expect(openSource.map((p) => p.name).sort()).toEqual([...store.keys()].sort())
    for (const project of openSource) {
      const expected = store.get(project.name)
      expect(project.startDate).toBe(expected?.first)
      expect(project.endDate).toBe(expected?.last)
      if (expected && expected.merged > 0) expect(project.description).toContain(`(${expected.merged} merged)`)
    }
    const figures = resume.meta.pathfinder.figures
    const sum = (pick: (v: { contributions: number; merged: number }) => number) => [...store.values()].reduce((n, v) => n + pick(v), 0)
    expect(figures.openSourceContributions).toBe(sum((v) => v.contributions))
    expect(figures.mergedPullRequests).toBe(sum((v) => v.merged))
    expect(figures.repositories).toBe(store.size)
    expect(figures.privateActivitiesLeftOut).toBe(2)

    const spring = openSource.find((p) => p.name === 'spring-projects/spring-boot')
    expect(spring).toMatchObject({ url: 'https://github.com/spring-projects/spring-boot', entity: 'spring-projects', roles: ['Contributor'] })
    // The impact line leads; merged pull requests follow, newest first.
    expect(spring?.highlights[0]).toBe(`${hostileTitle} — ${hostileImpact}`)
    expect(spring?.highlights).toContain('Fix a race in the task scheduler')
    expect(spring?.keywords).toEqual(expect.arrayContaining(['Java', 'Spring Framework']))
    const express = openSource.find((p) => p.name === 'expressjs/express')
    expect(express?.roles).toEqual(['Contributor', 'Reviewer', 'Issue reporter'])
    expect(express?.highlights).toEqual(['Tidy the router tests — Halved the test suite time'])
    // Most merged pull requests first.
    expect(openSource[0]?.name).toBe('spring-projects/spring-boot')

    const certificates = clocked.core.db.prepare("SELECT count(*) AS n FROM activity WHERE kind = 'certification' AND deleted_at IS NULL AND date LIKE '2026-%'").pluck().get()
    expect(resume.certificates).toEqual([{ name: 'Oracle Certified Professional: Java SE 21 Developer', date: '2026-08-20', url: 'https://education.oracle.com/ocp-java-21' }])
    expect(figures.certifications).toBe(certificates)
    expect(resume.publications).toEqual([
      { name: 'Virtual threads, one year on', releaseDate: '2026-10-05', url: 'https://www.dev.to/ada/virtual-threads', publisher: 'dev.to', summary: 'Read 12,000 times' },
      { name: 'What I learned contributing to Spring Boot', releaseDate: '2026-09-19', url: 'https://blog.example.org/spring-boot', publisher: 'blog.example.org' },
    ])
    expect(resume.projects.filter((p) => p.type !== 'open-source').map((p) => [p.type, p.name, p.roles])).toEqual([
      ['application', 'A rate limiter in Rust', ['Author']],
      ['talk', 'Virtual threads in production', ['Speaker']],
    ])
  })

  it('gives skills the levels and statuses the roadmap holds', async () => {
    const { resume } = await exportResume(year)
    const state = clocked.core.db.prepare<[string], { level: number | null; status: string | null }>('SELECT level, status FROM item_state WHERE item_id = ?')
    expect(resume.skills.length).toBe(resume.meta.pathfinder.skills.length)
    expect(resume.meta.pathfinder.skills.length).toBeGreaterThanOrEqual(3)
    for (const listed of resume.meta.pathfinder.skills) {
      const row = state.get(listed.id)
      expect(listed.level).toBe(row?.level ?? null)
      expect(listed.status).toBe(row?.status ?? 'not-started')
    }
    expect(resume.skills[0]).toEqual({ name: 'Java', level: 'Proficient', keywords: [expect.any(String)] })
    expect(resume.skills.find((s) => s.name === 'Data Structures')).toMatchObject({ level: 'Learned' })
    // Highest level first.
    const levels = resume.meta.pathfinder.skills.map((s) => s.level ?? 0)
    expect(levels).toEqual([...levels].sort((a, b) => b - a))
  })

  it('leaves private repositories out unless the person includes them, and notes always', async () => {
    const left = await exportResume(year)
    for (const leak of [secrets.privateRepo, secrets.privateTitle, secrets.activityNote, secrets.itemNote, 'NOTE-SECRET']) expect(left.text).not.toContain(leak)

    const included = await exportResume({ ...year, exclude: { privateRepositories: false } })
    const secret = included.resume.projects.find((p) => p.name === secrets.privateRepo)
    // Two pull requests: one says its repository, the other only has the link.
    expect(secret?.description).toBe('2 pull requests (2 merged).')
    expect(included.resume.meta.pathfinder.figures.privateActivitiesLeftOut).toBe(0)
    expect(included.resume.meta.pathfinder.privateRepositories).toBe('included')
    expect(included.resume.meta.pathfinder.figures.openSourceContributions).toBe([...storeCounts(true).values()].reduce((n, v) => n + v.contributions, 0))
    expect(included.text).not.toContain(secrets.activityNote)
    expect(schemaErrors(included.resume)).toEqual([])

    // The personal review includes private work by default; a résumé does not follow it there.
    const personal = await exportResume({ ...year, template: 'personal-review' })
    expect(personal.text).not.toContain(secrets.privateRepo)
    expect(personal.resume.meta.pathfinder.privateRepositories).toBe('excluded')
  })

  it('keeps hostile strings as data', async () => {
    const { text, resume } = await exportResume(year)
    // Every string comes back exactly as logged, and nothing was turned into markup or a link.
    const strings = JSON.stringify(resume)
    expect(strings).toContain(JSON.stringify(hostileTitle).slice(1, -1))
    expect(resume.projects.flatMap((p) => p.highlights)).toContain(hostile.script)
    const proto = resume.projects.find((p) => p.name === '__proto__')
    expect(proto).toMatchObject({ name: '__proto__', roles: ['Reviewer'], description: '1 code review.' })
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
    expect(text).not.toMatch(/"url": "(?!https?:\/\/)/)
    expect(safeLink('javascript:alert(1)')).toBeNull()
    expect(safeLink('https://user:pw@example.org/x')).toBeNull()
    expect(safeLink('/relative/path')).toBeNull()
    expect(safeLink(' https://example.org/a b ')).toBe('https://example.org/a%20b')
  })

  it('follows the period and refuses a save dialog the window does not have, writing nothing', async () => {
    const before = clocked.core.db.prepare('SELECT count(*) FROM report_export').pluck().get()
    const q4 = await exportResume({ ...year, period: { preset: 'custom', from: '2026-10-01', to: '2026-12-31' } })
    expect(q4.resume.meta.pathfinder.period).toEqual({ from: '2026-10-01', to: '2026-12-31', timeZone: 'Europe/Berlin' })
    expect(q4.resume.certificates).toEqual([])
    expect(q4.resume.projects.every((p) => p.startDate >= '2026-10-01')).toBe(true)
    const error = await refused(api.resume.export({ options: year, delivery: 'save-dialog' }))
    expect(error).toMatchObject({ code: 'unavailable', message: 'This window has no save dialog; download the file instead.' })
    // Not a report: nothing joins the export history.
    expect(clocked.core.db.prepare('SELECT count(*) FROM report_export').pluck().get()).toBe(before)
  })
})
