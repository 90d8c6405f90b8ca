import { describe, expect, it } from 'vitest'
import { contract, createClient, type Api } from '@shared/contract'
import type { ChannelInput } from '@shared/contract/channel'
import { ok as must, openActivitiesCore, refusal as refused, tableCounts } from '../support/activitySupport'
import { openTempCore } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const { defer } = useTempCores()

const today = new Date('2027-03-15T12:00:00')
async function open(now: () => Date = () => today) {
  const opened = await openActivitiesCore(now)
  defer(opened.core.dispose)
  return opened
}

const expressPr: ChannelInput<typeof contract.activities.create> = {
  kind: 'pull-request',
  date: '2027-03-01',
  title: 'Fix async error handling in router',
  url: 'https://github.com/expressjs/express/pull/6001',
  repo: 'expressjs/express',
  state: 'merged',
  hours: 6,
  skillIds: ['skill.javascript', 'skill.asynchronous-programming'],
  notes: 'Reviewed by the maintainers within a day',
}

async function seed(api: Api) {
  const pr = await must(api.activities.create(expressPr))
  const blog = await must(api.activities.create({ kind: 'blog-post', date: '2027-03-05', title: 'What I learned contributing to Express', url: 'https://blog.example.com/express' }))
  const meetup = await must(api.activities.create({ kind: 'meetup', date: '2027-02-20', title: 'Node.js Berlin meetup', hours: 2.5, notes: 'Talked about streams' }))
  return { pr, blog, meetup }
}

describe('activities', () => {
  it('creates an activity with its skills and reads it back', async () => {
    const { api } = await open()
    const pr = await must(api.activities.create(expressPr))
    expect(pr).toMatchObject({
      kind: 'pull-request',
      date: '2027-03-01',
      repo: 'expressjs/express',
      state: 'merged',
      hours: 6,
      source: 'manual',
      externalKey: null,
      goalId: null,
    })
    expect(pr.skills.map((s) => s.title).sort()).toEqual(['Asynchronous Programming', 'JavaScript'])
    expect(await must(api.activities.get({ id: pr.id }))).toEqual(pr)
  })

  it('treats empty text boxes as no value', async () => {
    const { api } = await open()
    const a = await must(api.activities.create({ kind: 'learning', date: '2027-03-02', title: 'Read about B-trees', url: '', repo: '  ', notes: '' }))
    expect(a).toMatchObject({ url: null, repo: null, notes: null, state: null, hours: null })
  })

  const badInputs: [Partial<typeof expressPr>, string, RegExp][] = [
    [{ url: 'ftp://example.com/x' }, 'url', /http:\/\/ or https:\/\//],
    [{ url: 'javascript:alert(1)' }, 'url', /http:\/\/ or https:\/\//],
    [{ date: '2028-06-01' }, 'date', /more than a year ahead/],
    [{ date: '2027-02-30' }, 'date', /date like/],
    [{ skillIds: ['skill.cobol'] }, 'skillIds', /no skill "skill.cobol"/],
    [{ hours: -1 }, 'hours', /cannot be negative/],
    [{ title: '   ' }, 'title', /title is required/],
    [{ kind: 'blog-post', state: 'merged' }, 'state', /no open, merged or closed state/],
    [{ kind: 'issue', state: 'merged' }, 'state', /Only a pull request can be merged/],
    [{ goalId: 99 }, 'goalId', /no goal 99/],
  ]
  it.each(badInputs)('refuses %j with a message and changes nothing', async (change, path, message) => {
    const { core, api } = await open()
    const before = tableCounts(core.db)
    const error = await refused(api.activities.create({ ...expressPr, ...change }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(message)
    expect(error.issues?.map((i) => i.path)).toContain(path)
    expect(tableCounts(core.db)).toEqual(before)
  })

  it('accepts a date up to a year ahead (a planned talk) and not a day more', async () => {
    const { api } = await open()
    await must(api.activities.create({ kind: 'talk', date: '2028-03-15', title: 'Planned conference talk' }))
    const error = await refused(api.activities.create({ kind: 'talk', date: '2028-03-16', title: 'Too far' }))
    expect(error.issues?.[0]?.path).toBe('date')
  })

  it('updates only the fields given, clears with null, and refuses bad changes', async () => {
    const { api } = await open()
    const pr = await must(api.activities.create({ ...expressPr, state: 'open' }))
    const merged = await must(api.activities.update({ id: pr.id, state: 'merged', notes: null }))
    expect(merged).toMatchObject({ state: 'merged', notes: null, title: expressPr.title, hours: 6 })
    expect(merged.skills).toHaveLength(2)
    const retagged = await must(api.activities.update({ id: pr.id, skillIds: ['skill.java'] }))
    expect(retagged.skills.map((s) => s.id)).toEqual(['skill.java'])

    // Changing the kind of a merged PR to a blog post would leave a merged blog post.
    const error = await refused(api.activities.update({ id: pr.id, kind: 'blog-post' }))
    expect(error.message).toMatch(/no open, merged or closed state/)
    const bad = await refused(api.activities.update({ id: pr.id, hours: -2 }))
    expect(bad.code).toBe('invalid-input')
    expect(await must(api.activities.get({ id: pr.id }))).toEqual(retagged)
    expect((await refused(api.activities.update({ id: 4242, title: 'x' }))).message).toBe('There is no activity 4242.')
  })

  it('duplicates as a new manual activity, optionally on another day', async () => {
    const { api } = await open()
    const pr = await must(api.activities.create(expressPr))
    const copy = await must(api.activities.duplicate({ id: pr.id, date: '2027-03-10' }))
    expect(copy.id).not.toBe(pr.id)
    expect(copy).toMatchObject({ title: pr.title, repo: pr.repo, date: '2027-03-10', source: 'manual', externalKey: null })
    expect(copy.skills).toEqual(pr.skills)
  })

  it('removes with undo: gone from lists and counts, back on restore', async () => {
    const { api } = await open()
    const { pr } = await seed(api)
    const removed = await must(api.activities.remove({ id: pr.id }))
    expect(removed.id).toBe(pr.id)
    expect((await refused(api.activities.get({ id: pr.id }))).code).toBe('not-found')
    expect((await must(api.activities.list({}))).total).toBe(2)
    expect((await must(api.activities.list({ search: 'express router' }))).total).toBe(0)
    expect(await must(api.activities.repos(undefined))).toEqual([])

    const restored = await must(api.activities.restore({ id: pr.id }))
    expect(restored).toMatchObject({ id: pr.id, title: pr.title })
    expect(restored.skills).toEqual(pr.skills)
    expect((await must(api.activities.list({}))).total).toBe(3)
    expect((await refused(api.activities.restore({ id: pr.id }))).code).toBe('conflict')
    expect((await refused(api.activities.restore({ id: 999 }))).code).toBe('not-found')
  })

  it('forgets removals from an earlier session: undo lasts until the app closes', async () => {
    const first = await open()
    const { pr } = await seed(first.api)
    await must(first.api.activities.remove({ id: pr.id }))
    first.core.close()
    const second = await openTempCore({ dataDir: first.core.dataDir, now: () => today })
    const api = createClient(contract, (name, input) => second.dispatch(name, input))
    expect((await refused(api.activities.restore({ id: pr.id }))).code).toBe('not-found')
    expect((await must(api.activities.list({}))).total).toBe(2)
    second.close()
  })

  it('lists the distinct repositories for the filter', async () => {
    const { api } = await open()
    await seed(api)
    await must(api.activities.create({ ...expressPr, repo: 'ExpressJS/Express', url: null, date: '2027-03-02' }))
    await must(api.activities.create({ kind: 'portfolio-project', date: '2027-01-02', title: 'Pet shop API', repo: 'my-pet-shop' }))
    expect(await must(api.activities.repos(undefined))).toEqual([
      { repo: 'expressjs/express', count: 2 },
      { repo: 'my-pet-shop', count: 1 },
    ])
  })

  it('links an activity to a goal and filters by it', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ title: '10 merged PRs in 2027' }))
    const pr = await must(api.activities.create({ ...expressPr, goalId: goal.id }))
    await seed(api)
    const page = await must(api.activities.list({ goalId: goal.id }))
    expect(page.rows.map((r) => r.id)).toEqual([pr.id])
  })

  it('keeps why an activity mattered: one line, capped, searched and exported', async () => {
    const { api } = await open()
    const pr = await must(api.activities.create({ ...expressPr, impact: '  Cut p95 latency from 800 ms to 120 ms ' }))
    expect(pr.impact).toBe('Cut p95 latency from 800 ms to 120 ms')
    expect((await must(api.activities.list({ search: 'latency' }))).rows.map((r) => r.id)).toEqual([pr.id])

    const tooLong = await refused(api.activities.update({ id: pr.id, impact: 'x'.repeat(281) }))
    expect(tooLong.issues).toEqual([{ path: 'impact', message: 'Keep the impact to one line under 280 characters' }])
    const twoLines = await refused(api.activities.create({ ...expressPr, impact: 'one\ntwo' }))
    expect(twoLines.issues).toEqual([{ path: 'impact', message: 'The impact fits on one line' }])

    const cleared = await must(api.activities.update({ id: pr.id, impact: '' }))
    expect(cleared.impact).toBeNull()
    expect((await must(api.activities.list({ search: 'latency' }))).rows).toEqual([])
    await must(api.activities.update({ id: pr.id, impact: 'Unblocked the 5.0 release' }))
    const csv = await must(api.imports.csvExport({}))
    expect(csv.csv).toContain('Unblocked the 5.0 release')
  })
})

