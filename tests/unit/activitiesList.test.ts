import { describe, expect, it } from 'vitest'
import type { Api } from '@shared/contract'
import type { ActivityKind, ActivityPage } from '@shared/domain/activities'
import { toFtsQuery } from '../../electron/core/activities/ftsQuery'
import { ok, openActivitiesCore, refusal } from '../support/activitySupport'
import { useTempCores } from '../support/useTempCores'

const { defer } = useTempCores()

async function open() {
  const opened = await openActivitiesCore(() => new Date('2027-06-30T12:00:00'))
  defer(opened.core.dispose)
  return opened
}

async function logStory(api: Api) {
  const pr = await ok(
    api.activities.create({
      kind: 'pull-request',
      date: '2027-03-01',
      title: 'Fix async error handling in router',
      url: 'https://github.com/expressjs/express/pull/6001',
      repo: 'expressjs/express',
      state: 'merged',
      skillIds: ['skill.javascript', 'skill.asynchronous-programming'],
    }),
  )
  const blog = await ok(api.activities.create({ kind: 'blog-post', date: '2027-03-05', title: 'Notes on middleware order', notes: 'Café résumé naïve' }))
  const meetup = await ok(api.activities.create({ kind: 'meetup', date: '2027-02-20', title: 'Node.js Berlin meetup', notes: 'Streams and backpressure' }))
  const issue = await ok(
    api.activities.create({ kind: 'issue', date: '2027-04-02', title: 'Router drops trailing slash', repo: 'expressjs/express', state: 'open' }),
  )
  return { pr, blog, meetup, issue }
}

describe('activities.list', () => {
  it('finds the PR by "express" in its repository, and by words of its title and notes', async () => {
    const { api } = await open()
    const { pr, blog, meetup } = await logStory(api)
    const express = await ok(api.activities.list({ search: 'express' }))
    expect(express.rows.map((r) => r.title)).toEqual(['Router drops trailing slash', pr.title])
    expect((await ok(api.activities.list({ search: 'async rout' }))).rows.map((r) => r.id)).toEqual([pr.id])
    expect((await ok(api.activities.list({ search: 'backpressure' }))).rows.map((r) => r.id)).toEqual([meetup.id])
    // Diacritics fold both ways.
    expect((await ok(api.activities.list({ search: 'cafe resume' }))).rows.map((r) => r.id)).toEqual([blog.id])
  })

  it('reads FTS5 syntax in the search box as plain text', async () => {
    const { api } = await open()
    await logStory(api)
    for (const search of ['"', 'NEAR(a b)', 'title:express', 'express OR', '* ^ -', '(', 'AND', "it's", 'c++', '🙂']) {
      const result = await api.activities.list({ search })
      expect(result.ok, search).toBe(true)
    }
    expect((await ok(api.activities.list({ search: 'title:router' }))).total).toBe(0)
    expect((await ok(api.activities.list({ search: '   ' }))).total).toBe(4)
    expect(toFtsQuery('say "hi" NEAR')).toBe('"say"* "hi"* "NEAR"*')
    expect(toFtsQuery('- * ( )')).toBeNull()
  })

  it('keeps search in step with edits and removals', async () => {
    const { api } = await open()
    const { meetup } = await logStory(api)
    await ok(api.activities.update({ id: meetup.id, notes: 'Talked about workers' }))
    expect((await ok(api.activities.list({ search: 'backpressure' }))).total).toBe(0)
    expect((await ok(api.activities.list({ search: 'workers' }))).total).toBe(1)
    await ok(api.activities.update({ id: meetup.id, repo: 'nodejs/node' }))
    expect((await ok(api.activities.list({ search: 'nodejs' }))).total).toBe(1)
  })

  it('filters by kind, repository, skill, state and dates, and combines them', async () => {
    const { api } = await open()
    const { pr, issue, blog, meetup } = await logStory(api)
    const ids = async (input: Parameters<Api['activities']['list']>[0]) => (await ok(api.activities.list(input))).rows.map((r) => r.id)
    const openSource: ActivityKind[] = ['pull-request', 'issue', 'code-review']
    expect(await ids({ kinds: openSource })).toEqual([issue.id, pr.id])
    expect(await ids({ repo: 'EXPRESSJS/express' })).toEqual([issue.id, pr.id])
    expect(await ids({ skillId: 'skill.javascript' })).toEqual([pr.id])
    expect(await ids({ state: 'merged' })).toEqual([pr.id])
    expect(await ids({ state: 'none' })).toEqual([blog.id, meetup.id])
    expect(await ids({ from: '2027-03-01', to: '2027-03-05' })).toEqual([blog.id, pr.id])
    expect(await ids({ kinds: openSource, state: 'open', from: '2027-04-01', search: 'slash' })).toEqual([issue.id])
    expect(await ids({ sort: 'title' })).toEqual([pr.id, meetup.id, blog.id, issue.id])
    expect(await ids({ sort: 'date-asc' })).toEqual([meetup.id, pr.id, blog.id, issue.id])
    const bad = await refusal(api.activities.list({ from: '2027-05-01', to: '2027-04-01' }))
    expect(bad.message).toMatch(/start date must not be after the end date/)
  })

  it('pages with a cursor or an offset, with the total on every page', async () => {
    const { api } = await open()
    const made: number[] = []
    for (let day = 1; day <= 25; day++) {
      const date = `2027-05-${String(day).padStart(2, '0')}`
      // Two on some days, so ties on the date are broken by id.
      made.push((await ok(api.activities.create({ kind: 'learning', date, title: `Study ${day}` }))).id)
      if (day % 5 === 0) made.push((await ok(api.activities.create({ kind: 'learning', date, title: `Extra ${day}` }))).id)
    }
    const seen: number[] = []
    let cursor: string | undefined
    for (;;) {
      const page = await ok(api.activities.list({ limit: 7, ...(cursor ? { cursor } : {}) }))
      expect(page.total).toBe(30)
      seen.push(...page.rows.map((r) => r.id))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    const newestFirst = [...made].sort((a, b) => b - a)
    expect(seen).toEqual(newestFirst)

    const byOffset = await ok(api.activities.list({ limit: 5, offset: 10 }))
    expect(byOffset.rows.map((r) => r.id)).toEqual(newestFirst.slice(10, 15))

    const titles: string[] = []
    cursor = undefined
    for (;;) {
      const page: ActivityPage = await ok(api.activities.list({ sort: 'title', limit: 8, ...(cursor ? { cursor } : {}) }))
      titles.push(...page.rows.map((r) => r.title))
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(titles).toHaveLength(30)
    expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || 0))
  })

  it('refuses a forged or stale cursor and a page size over 500', async () => {
    const { api } = await open()
    await logStory(api)
    const page = await ok(api.activities.list({ limit: 1 }))
    expect(page.nextCursor).not.toBeNull()
    expect((await refusal(api.activities.list({ cursor: 'not-a-cursor' }))).message).toMatch(/not one this app made/)
    expect((await refusal(api.activities.list({ sort: 'title', cursor: page.nextCursor ?? '' }))).message).toMatch(/sort order changed/)
    expect((await refusal(api.activities.list({ limit: 501 }))).message).toMatch(/at most 500/)
    expect((await refusal(api.activities.list({ offset: 2, cursor: page.nextCursor ?? '' }))).message).toMatch(/not both/)
  })
})
