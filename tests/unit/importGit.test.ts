import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createActivitiesRepository } from '../../electron/core/activities/activitiesRepository'
import { listBackups } from '../../electron/core/store/backupFiles'
import { importGit } from '../../electron/core/importers/git/importGit'
import { parseRemote } from '../../electron/core/importers/git/repoName'
import { ok, openActivitiesCore, refusal, tableCounts } from '../support/activitySupport'
import { gitRepo } from '../support/gitFixture'
import { makeTempDir } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const me = 'me@example.com'
const colleague = 'colleague@example.com'

const { defer } = useTempCores()

async function open() {
  const opened = await openActivitiesCore(() => new Date('2027-06-30T12:00:00Z'))
  defer(opened.core.dispose)
  return opened
}

/** projects/alpha (on GitHub), projects/clients/beta (local only), and places that must be ignored. */
function makeProjects() {
  const root = makeTempDir('pathfinder-git-')
  defer(() => rmSync(root, { recursive: true, force: true }))
  const alpha = gitRepo(join(root, 'alpha'), 'git@github.com:me/alpha.git')
  alpha.commit(me, '2027-06-01T09:00:00+02:00', 10)
  alpha.commit(me, '2027-06-01T17:30:00+02:00', 5)
  alpha.commit(colleague, '2027-06-01T18:00:00+02:00', 100)
  // Late evening in the author's zone: the day is the author's, not UTC's.
  alpha.commit(me, '2027-06-02T23:30:00-07:00', 2)
  alpha.branch('feature')
  alpha.commit(me.toUpperCase(), '2027-06-03T10:00:00+00:00', 4)
  alpha.checkout('main')

  const beta = gitRepo(join(root, 'clients', 'beta'))
  beta.commit(colleague, '2027-06-01T10:00:00+00:00', 7)
  beta.commit(me, '2027-06-05T10:00:00+00:00', 1)

  gitRepo(join(root, 'empty'))
  const hidden = gitRepo(join(root, 'node_modules', 'dep'))
  hidden.commit(me, '2027-06-04T10:00:00+00:00')
  mkdirSync(join(root, 'notes'))
  writeFileSync(join(root, 'notes', 'todo.txt'), 'not a repository')
  return { root, alpha, beta }
}

describe('imports.git', () => {
  it("imports exactly the user's commits, per repository per day, on every branch", async () => {
    const { api } = await open()
    const { root } = makeProjects()
    const summary = await ok(api.imports.git({ folder: root, emails: [me] }))
    expect(summary).toEqual({ added: 4, updated: 0, skipped: 0, errors: [] })

    const page = await ok(api.activities.list({ kinds: ['commits'], sort: 'date-asc' }))
    expect(page.rows.map((r) => [r.date, r.repo, r.commitCount, r.linesChanged, r.title])).toEqual([
      ['2027-06-01', 'me/alpha', 2, 15, '2 commits to me/alpha'],
      ['2027-06-02', 'me/alpha', 1, 2, '1 commit to me/alpha'],
      ['2027-06-03', 'me/alpha', 1, 4, '1 commit to me/alpha'],
      ['2027-06-05', 'beta', 1, 1, '1 commit to beta'],
    ])
    expect(page.rows[0]).toMatchObject({ source: 'git', url: 'https://github.com/me/alpha', kind: 'commits', state: null })
  })

  it('adds nothing twice, and updates a day when more commits appeared', async () => {
    const { api, core } = await open()
    const { root, alpha } = makeProjects()
    await ok(api.imports.git({ folder: root, emails: [me] }))
    const before = tableCounts(core.db)
    expect(await ok(api.imports.git({ folder: root, emails: [me] }))).toEqual({ added: 0, updated: 0, skipped: 4, errors: [] })
    expect(tableCounts(core.db)).toEqual(before)

    const day = (await ok(api.activities.list({ from: '2027-06-01', to: '2027-06-01' }))).rows[0]
    if (!day) throw new Error('missing day')
    await ok(api.activities.update({ id: day.id, notes: 'Release week', skillIds: ['skill.javascript'] }))
    alpha.commit(me, '2027-06-01T20:00:00+02:00', 1)
    alpha.commit(me, '2027-06-10T20:00:00+02:00', 1)
    expect(await ok(api.imports.git({ folder: root, emails: [me] }))).toEqual({ added: 1, updated: 1, skipped: 3, errors: [] })
    const updated = await ok(api.activities.get({ id: day.id }))
    expect(updated).toMatchObject({ commitCount: 3, linesChanged: 16, title: '3 commits to me/alpha', notes: 'Release week' })
    expect(updated.skills.map((s) => s.id)).toEqual(['skill.javascript'])
  })

  it('uses the saved emails when none are given, and asks for them when there are none', async () => {
    const { api } = await open()
    const { root } = makeProjects()
    const none = await refusal(api.imports.git({ folder: root }))
    expect(none.message).toMatch(/email addresses you commit with/)
    expect(await ok(api.imports.setSettings({ gitEmails: [' Colleague@Example.com '] }))).toEqual({ gitEmails: [colleague], githubUsername: null, githubTokenOrigins: [] })
    expect(await ok(api.imports.settings(undefined))).toEqual({ gitEmails: [colleague], githubUsername: null, githubTokenOrigins: [] })
    expect((await ok(api.imports.git({ folder: root }))).added).toBe(2)
    expect((await refusal(api.imports.setSettings({ gitEmails: ['not-an-email'] }))).message).toMatch(/email address/)
  })

  it('leaves the store as it was when a repository cannot be read', async () => {
    const { api, core } = await open()
    const { root } = makeProjects()
    await ok(api.activities.create({ kind: 'learning', date: '2027-06-01', title: 'Before the import' }))
    const broken = join(root, 'zz-broken')
    mkdirSync(join(broken, '.git'), { recursive: true })
    writeFileSync(join(broken, '.git', 'HEAD'), 'garbage')
    const before = tableCounts(core.db)
    const error = await refusal(api.imports.git({ folder: root, emails: [me] }))
    expect(error.code).toBe('unavailable')
    expect(error.message).toMatch(/Could not read the repository zz-broken/)
    expect(error.message).toMatch(/Nothing was imported/)
    expect(tableCounts(core.db)).toEqual(before)
  })

  it('reads a linked worktree through its .git file, and says so when that file points at no repository', async () => {
    const { api } = await open()
    const root = makeTempDir('pathfinder-git-')
    defer(() => rmSync(root, { recursive: true, force: true }))
    const main = gitRepo(join(root, 'elsewhere', 'main'))
    main.commit(me, '2027-06-01T09:00:00+00:00')
    main.git(['worktree', 'add', '-q', '-b', 'side', join(root, 'projects', 'side')])
    const side = gitRepo(join(root, 'projects', 'side'), undefined, { existing: true })
    side.commit(me, '2027-06-02T09:00:00+00:00', 7)
    const page = async () => (await ok(api.activities.list({ sort: 'date-asc' }))).rows.map((r) => [r.date, r.repo])
    expect(await ok(api.imports.git({ folder: join(root, 'projects'), emails: [me] }))).toMatchObject({ added: 2 })
    expect(await page()).toEqual([['2027-06-01', 'side'], ['2027-06-02', 'side']])

    mkdirSync(join(root, 'projects', 'stray'))
    writeFileSync(join(root, 'projects', 'stray', '.git'), `gitdir: ${join(root, 'notes')}\n`)
    const error = await refusal(api.imports.git({ folder: join(root, 'projects'), emails: [me] }))
    expect(error.message).toBe(`Could not read the repository stray (${join(root, 'projects', 'stray')}): ${join(root, 'notes')} is not a git directory (it has no objects folder). Nothing was imported.`)
  })

  it('backs up the store before an import that changes it, and only then', async () => {
    const { api, core } = await open()
    const { root } = makeProjects()
    const importBackups = () => listBackups(core.dataDir).filter((b) => b.name.startsWith('before-import'))
    await refusal(api.imports.git({ folder: join(root, 'missing'), emails: [me] }))
    expect(importBackups()).toHaveLength(0)
    await ok(api.imports.git({ folder: root, emails: [me] }))
    expect(importBackups()).toHaveLength(1)
    await ok(api.imports.git({ folder: root, emails: [me] }))
    expect(importBackups()).toHaveLength(1)
  })

  it('says so when the folder does not exist', async () => {
    const { api } = await open()
    const error = await refusal(api.imports.git({ folder: '/no/such/folder', emails: [me] }))
    expect(error).toMatchObject({ code: 'not-found', message: 'The folder /no/such/folder does not exist or cannot be read.' })
  })

  it('reports progress and stops on cancel with nothing written', async () => {
    const { core } = await open()
    const { root } = makeProjects()
    const repo = createActivitiesRepository(core.db)
    const progress: string[] = []
    const controller = new AbortController()
    const run = importGit(core.db, repo, {
      folder: root,
      emails: [me],
      now: new Date('2027-06-30T12:00:00Z'),
      signal: controller.signal,
      onProgress: (done, total, message) => {
        progress.push(`${done}/${total} ${message}`)
        if (message.startsWith('Reading') && message.endsWith('beta')) controller.abort()
      },
    })
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
    expect(progress[0]).toMatch(/^0\/0 Looking for git repositories/)
    expect(tableCounts(core.db)).toEqual({ activity: 0, activity_skill: 0 })

    const done: string[] = []
    await importGit(core.db, repo, { folder: root, emails: [me], now: new Date(), onProgress: (d, t, m) => done.push(`${d}/${t} ${m}`) })
    expect(done.at(-1)).toBe('3/3 Done: 3 repositories read')
  })

  it('lets a caller poll progress and cancel by import id', async () => {
    const { api } = await open()
    const { root } = makeProjects()
    expect(await ok(api.imports.progress({ importId: 'first' }))).toBeNull()
    const summary = await ok(api.imports.git({ folder: root, emails: [me], importId: 'first' }))
    expect(summary.added).toBe(4)
    expect(await ok(api.imports.progress({ importId: 'first' }))).toMatchObject({ finished: true, done: 3, total: 3 })
    expect(await ok(api.imports.cancel({ importId: 'first' }))).toEqual({ cancelled: false })

    const running = api.imports.git({ folder: root, emails: [me], importId: 'second' })
    expect(await ok(api.imports.cancel({ importId: 'second' }))).toEqual({ cancelled: true })
    expect((await running).ok).toBe(false)
  })
})

describe('repository names', () => {
  it.each([
    ['https://github.com/expressjs/express.git', 'expressjs/express'],
    ['git@github.com:expressjs/express.git', 'expressjs/express'],
    ['ssh://git@gitlab.example.com:2222/team/api.git', 'team/api'],
    ['https://gitlab.com/group/sub/project', 'sub/project'],
  ])('reads %s as %s', (remote, name) => {
    expect(parseRemote(remote)?.path).toBe(name)
  })
  it('ignores what is not a remote URL', () => {
    expect(parseRemote('/srv/git/project.git')).toBeNull()
    expect(parseRemote('file:///srv/git/project.git')).toBeNull()
  })
})
