import { describe, expect, it } from 'vitest'
import type { ActivityDraft } from '@shared/contract/activities'
import type { GoalActivityTarget } from '@shared/domain/goals'
import { activityTally, describeTally } from '@shared/domain/goals'
import type { ReportModel } from '@shared/domain/report'
import { apiOf, must, refused } from '../support/api'
import { snapshotStore } from '../support/storeSnapshot'
import { useTempCores } from '../support/useTempCores'

const { openClocked } = useTempCores()
const open = (start = '2027-06-15T12:00:00Z') => openClocked(start)
type Api = ReturnType<typeof apiOf>

const pr = (date: string, title: string, extra: Partial<ActivityDraft> = {}): ActivityDraft => ({
  kind: 'pull-request',
  date,
  title,
  repo: 'expressjs/express',
  state: 'merged',
  ...extra,
})
const log = async (api: Api, draft: ActivityDraft) => must(api.activities.create(draft))

/** "10 merged PRs in 2027", as the issue puts it. */
const tenMergedPrsIn2027 = { title: '10 merged PRs in 2027', startDate: '2027-01-01', targetDate: '2027-12-31', activityTarget: { count: 10, kinds: ['pull-request' as const], state: 'merged' as const } }

describe('a goal driven by activities', () => {
  it('counts only merged PRs dated in 2027, linked to the goal or not', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create(tenMergedPrsIn2027))
    expect(goal).toMatchObject({
      activityTarget: { count: 10, kinds: ['pull-request'], state: 'merged', repo: null, skillId: null, from: null, to: null },
      activityCount: 0,
      progress: 0,
    })

    for (let i = 1; i <= 6; i += 1) await log(api, pr(`2027-0${i}-10`, `Merged ${i}`))
    // Linked to the goal and matching: counts like any other match.
    await log(api, pr('2027-03-03', 'Merged and linked', { goalId: goal.id }))
    // None of these match, linked or not.
    await log(api, pr('2027-02-01', 'Still open', { state: 'open', goalId: goal.id }))
    await log(api, pr('2027-02-02', 'Closed unmerged', { state: 'closed' }))
    await log(api, pr('2026-12-31', 'Merged the year before'))
    await log(api, pr('2028-01-01', 'Merged the year after'))
    await log(api, { kind: 'issue', date: '2027-04-04', title: 'An issue, closed', repo: 'expressjs/express', state: 'closed', goalId: goal.id })
    await log(api, { kind: 'code-review', date: '2027-04-05', title: 'A review', goalId: goal.id })

    const counted = await must(api.goals.get({ goalId: goal.id }))
    expect(counted).toMatchObject({ activityCount: 7, progress: 0.7 })
    expect(describeTally(activityTally(counted) ?? { counted: 0, target: 0, noun: 'no target' })).toBe('7 of 10 merged pull requests')
    // The list, the dashboard and reports read the same count.
    expect((await must(api.goals.list({}))).find((g) => g.id === goal.id)).toEqual(counted)
  })

  it('moves as activities are logged, changed, removed and restored, and stops at 100%', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ ...tenMergedPrsIn2027, activityTarget: { count: 3, kinds: ['pull-request'], state: 'merged' } }))
    const progress = async () => {
      const g = await must(api.goals.get({ goalId: goal.id }))
      return [g.activityCount, g.progress]
    }

    const first = await log(api, pr('2027-01-05', 'One'))
    const second = await log(api, pr('2027-01-06', 'Two', { state: 'open' }))
    expect(await progress()).toEqual([1, 1 / 3])
    await must(api.activities.update({ id: second.id, state: 'merged' }))
    expect(await progress()).toEqual([2, 2 / 3])
    await log(api, pr('2027-01-07', 'Three'))
    await log(api, pr('2027-01-08', 'Four'))
    expect(await progress()).toEqual([4, 1])

    await must(api.activities.remove({ id: first.id }))
    await must(api.activities.remove({ id: second.id }))
    expect(await progress()).toEqual([2, 2 / 3])
    await must(api.activities.restore({ id: second.id }))
    expect(await progress()).toEqual([3, 1])
    // Moved out of the counted year: no longer matches.
    await must(api.activities.update({ id: second.id, date: '2026-12-30' }))
    expect(await progress()).toEqual([2, 2 / 3])
  })

  it('ignores milestones and manual progress while it has a target, and uses them again once cleared', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ ...tenMergedPrsIn2027, manualProgress: 80, milestones: [{ title: 'First' }] }))
    const milestone = goal.milestones[0]
    if (!milestone) throw new Error('a milestone expected')
    expect(goal.progress).toBe(0)
    const ticked = await must(api.goals.toggleMilestone({ milestoneId: milestone.id, done: true }))
    expect(ticked).toMatchObject({ progress: 0, activityCount: 0 })
    await log(api, pr('2027-02-02', 'One'))

    expect(await must(api.goals.update({ goalId: goal.id, manualProgress: 20 }))).toMatchObject({ progress: 0.1, activityCount: 1 })
    const cleared = await must(api.goals.update({ goalId: goal.id, activityTarget: null }))
    expect(cleared).toMatchObject({ activityTarget: null, activityCount: null, progress: 1 })
    const withoutMilestones = await must(api.goals.removeMilestone({ milestoneId: milestone.id }))
    expect(withoutMilestones.progress).toBe(0.2)
  })

  it('counts between the goal’s dates unless the target has its own, and narrows by repository and skill', async () => {
    const { api } = await open()
    await log(api, pr('2027-02-01', 'Express, Java', { skillIds: ['skill.java'] }))
    await log(api, pr('2027-03-01', 'Express, no skill'))
    await log(api, pr('2027-04-01', 'Node, Java', { repo: 'nodejs/node', skillIds: ['skill.java'] }))
    await log(api, { kind: 'blog-post', date: '2027-05-01', title: 'A post', skillIds: ['skill.java'] })

    const any = await must(api.goals.create({ title: 'Anything', startDate: '2027-01-01', targetDate: '2027-03-15', activityTarget: { count: 4 } }))
    expect(any).toMatchObject({ activityCount: 2, progress: 0.5, activityTarget: { kinds: [], state: null } })
    expect(describeTally(activityTally(any) ?? { counted: 0, target: 0, noun: 'no target' })).toBe('2 of 4 activities')
    // The goal's dates are the default: moving the target date moves the count.
    expect(await must(api.goals.update({ goalId: any.id, targetDate: null }))).toMatchObject({ activityCount: 4 })
    // Its own dates win over the goal's.
    expect(await must(api.goals.update({ goalId: any.id, activityTarget: { count: 4, from: '2027-03-01', to: '2027-04-30' } }))).toMatchObject({
      activityCount: 2,
      activityTarget: { from: '2027-03-01', to: '2027-04-30' },
    })

    const express = await must(api.goals.create({ title: 'Express', startDate: '2027-01-01', activityTarget: { count: 2, kinds: ['pull-request'], repo: 'expressjs/express' } }))
    expect(express.activityCount).toBe(2)
    const java = await must(api.goals.create({ title: 'Java', startDate: '2027-01-01', activityTarget: { count: 5, skillId: 'skill.java' } }))
    expect(java.activityCount).toBe(3)
    const both = await must(api.goals.create({ title: 'Both', startDate: '2027-01-01', activityTarget: { count: 1, kinds: ['pull-request'], repo: 'nodejs/node', skillId: 'skill.java' } }))
    expect(both).toMatchObject({ activityCount: 1, progress: 1 })
  })

  it('refuses bad targets in words and changes nothing', async () => {
    const { api, core } = await open()
    const goal = await must(api.goals.create({ ...tenMergedPrsIn2027, title: 'Kept as it is' }))
    const before = snapshotStore(core.db)
    const countMessage = 'The target count must be a whole number from 1 to 100,000'
    const bad: { input: unknown; path: string; message: string }[] = [
      { input: { count: 0 }, path: 'activityTarget.count', message: countMessage },
      { input: { count: 100_001 }, path: 'activityTarget.count', message: countMessage },
      { input: { count: 2.5 }, path: 'activityTarget.count', message: countMessage },
      { input: { count: '10' }, path: 'activityTarget.count', message: countMessage },
      { input: {}, path: 'activityTarget.count', message: countMessage },
      { input: { count: 5, kinds: ['issue'], state: 'merged' }, path: 'activityTarget.state', message: 'The merged state is for pull requests only' },
      { input: { count: 5, state: 'open' }, path: 'activityTarget.state', message: 'Only pull requests and issues have a state: pick those kinds to count by state' },
      { input: { count: 5, kinds: ['talk'], state: 'closed' }, path: 'activityTarget.state', message: 'Only pull requests and issues have a state: pick those kinds to count by state' },
      { input: { count: 5, from: '2027-05-01', to: '2027-04-01' }, path: 'activityTarget.to', message: 'The counted dates must run up to a day on or after their start' },
      { input: { count: 5, kinds: ['podcast'] }, path: 'activityTarget.kinds.0', message: expect.stringMatching(/^Kind must be one of: pull-request, /) },
      { input: { count: 5, owner: 'me' }, path: 'activityTarget', message: expect.stringMatching(/owner/) },
      { input: 10, path: 'activityTarget', message: 'The activity target must be an object with a count' },
    ]
    for (const { input, path, message } of bad) {
      for (const call of [core.dispatch('goals.create', { title: 'New', activityTarget: input }), core.dispatch('goals.update', { goalId: goal.id, activityTarget: input })]) {
        const error = await refused(call)
        expect(error.code).toBe('invalid-input')
        expect(error.issues?.[0]).toEqual({ path, message })
      }
    }
    // The sentence a person reads names the problem once, without a field prefix.
    expect((await refused(api.goals.create({ title: 'x', activityTarget: { count: 0 } }))).message).toBe(`${countMessage}.`)

    // Checks that need the store: the skill, and dates that fall back on the goal's.
    expect(await refused(api.goals.update({ goalId: goal.id, activityTarget: { count: 5, skillId: 'skill.cobol' } }))).toEqual({
      code: 'invalid-input',
      message: 'There is no skill "skill.cobol" in the career path.',
      issues: [{ path: 'activityTarget.skillId', message: 'There is no skill "skill.cobol" in the career path' }],
    })
    expect((await refused(api.goals.create({ title: 'x', activityTarget: { count: 5, skillId: 'track.java' } }))).issues?.[0]?.path).toBe('activityTarget.skillId')
    const range = await refused(api.goals.update({ goalId: goal.id, activityTarget: { count: 5, to: '2026-06-30' } }))
    expect(range.message).toBe(
      "The counted dates must run up to a day on or after their start (counting from 2027-01-01, the goal's start date, to 2026-06-30, its own).",
    )
    expect(range.issues).toEqual([{ path: 'activityTarget.to', message: 'The counted dates must run up to a day on or after their start' }])
    expect(snapshotStore(core.db)).toBe(before)

    const withOwnEnd = await must(api.goals.create({ title: 'Own end', startDate: '2027-01-01', activityTarget: { count: 5, to: '2027-03-31' } }))
    const afterCreate = snapshotStore(core.db)
    // Moving the goal's start past the target's own end would leave nothing to count.
    expect((await refused(api.goals.update({ goalId: withOwnEnd.id, startDate: '2027-04-01' }))).issues).toEqual([
      { path: 'activityTarget.to', message: 'The counted dates must run up to a day on or after their start' },
    ])
    expect(snapshotStore(core.db)).toBe(afterCreate)
    await must(api.goals.remove({ goalId: withOwnEnd.id }))
    expect(await must(api.goals.get({ goalId: goal.id }))).toEqual(goal)
    expect(core.db.prepare('SELECT count(*) AS n FROM goal_activity_target').get()).toEqual({ n: 1 })
    expect((await must(api.goals.list({}))).map((g) => g.title)).toEqual(['Kept as it is'])
  })

  it('keeps the target with the goal: archived and restored with it, deleted with it', async () => {
    const { api, core } = await open()
    const goal = await must(api.goals.create(tenMergedPrsIn2027))
    await log(api, pr('2027-02-02', 'One'))
    expect(await must(api.goals.archive({ goalId: goal.id }))).toMatchObject({ activityCount: 1 })
    expect(await must(api.goals.restore({ goalId: goal.id }))).toMatchObject({ activityCount: 1, progress: 0.1 })
    // A patch without activityTarget keeps it.
    expect(await must(api.goals.update({ goalId: goal.id, title: 'Renamed' }))).toMatchObject({ activityTarget: { count: 10 } })
    await must(api.goals.remove({ goalId: goal.id }))
    expect(core.db.prepare('SELECT count(*) AS n FROM goal_activity_target').get()).toEqual({ n: 0 })
  })

  it('shows the same count on the dashboard, and in a report as it stood at the period’s end', async () => {
    const { api } = await open('2027-06-15T12:00:00Z')
    const goal = await must(api.goals.create({ ...tenMergedPrsIn2027, targetDate: '2027-07-10' }))
    await log(api, pr('2027-02-02', 'In Q1'))
    await log(api, pr('2027-03-30', 'Also in Q1'))
    await log(api, pr('2027-05-05', 'In Q2'))
    await log(api, pr('2027-05-06', 'Linked, open', { state: 'open', goalId: goal.id }))

    const summary = await must(api.progress.summary(undefined))
    const tally = { counted: 3, target: 10, noun: 'merged pull requests' }
    expect(summary.dueSoon.find((d) => d.goalId === goal.id)).toMatchObject({ progress: 0.3, activityTally: tally })
    expect(summary.activeGoals.find((g) => g.goalId === goal.id)).toMatchObject({ progress: 0.3, activityTally: tally })

    const report = async (from: string, to: string): Promise<ReportModel> => {
      const rendered = await must(api.reports.render({ options: { period: { preset: 'custom', from, to }, timeZone: 'UTC' }, format: 'json' }))
      const parsed: ReportModel = JSON.parse(rendered.content)
      return parsed
    }
    const q1 = await report('2027-01-01', '2027-03-31')
    expect(q1.goals?.inProgress.find((g) => g.id === goal.id)).toMatchObject({ progress: 0.2, activityTally: { ...tally, counted: 2 } })
    const half = await report('2027-01-01', '2027-06-15')
    expect(half.goals?.inProgress.find((g) => g.id === goal.id)).toMatchObject({ progress: 0.3, activityTally: tally })
    expect(half.goals?.rule).toContain('whether or not it is linked to that goal')
  })

  it('lists hundreds of counted goals with one count each', async () => {
    const { api, core } = await open()
    const insert = core.db.prepare(
      "INSERT INTO activity (kind, date, title, repo, state, created_at, updated_at) VALUES ('pull-request', ?, ?, ?, 'merged', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
    )
    core.db.transaction(() => {
      for (let i = 0; i < 3000; i += 1) insert.run(`2027-0${(i % 6) + 1}-${String((i % 28) + 1).padStart(2, '0')}`, `PR ${i}`, `org/repo-${i % 30}`)
    })()
    const targets: GoalActivityTarget[] = []
    for (let i = 0; i < 300; i += 1) {
      const target = { count: 100, kinds: ['pull-request' as const], state: 'merged' as const, repo: i % 2 === 0 ? `org/repo-${i % 30}` : null, skillId: null, from: null, to: null }
      targets.push(target)
      await must(api.goals.create({ title: `Goal ${i}`, startDate: '2027-01-01', activityTarget: target }))
    }
    const goals = await must(api.goals.list({}))
    expect(goals).toHaveLength(300)
    expect(goals.filter((g) => g.activityTarget?.repo === null).every((g) => g.activityCount === 3000)).toBe(true)
    expect(goals.filter((g) => g.activityTarget?.repo !== null).every((g) => g.activityCount === 100)).toBe(true)
  })
})
