import { describe, expect, it } from 'vitest'
import { progressRuleText } from '@shared/domain/progress'
import { must } from '../support/api'
import { useTempCores } from '../support/useTempCores'

const { openClocked: open } = useTempCores()

describe('progress.summary', () => {
  it('starts at zero everywhere with the rule, and nothing to do until tracks are chosen', async () => {
    const { api } = await open()
    const summary = await must(api.progress.summary(undefined))
    expect(summary).toMatchObject({ today: '2026-11-25', pathId: 'backend-developer', rule: progressRuleText, chosenTrackIds: [], dueSoon: [], dueSoonMilestones: [], overdueGoals: [], overdueMilestones: [], nextUp: [] })
    expect(summary.overall).toMatchObject({ ratio: 0, counted: 13 })
    expect(summary.stages.map((s) => [s.id, s.progress.counted])).toEqual([
      ['stage.cs-degree', 3],
      ['stage.specialization', 4],
      ['stage.advancement', 6],
    ])
    expect(summary.tracks.map((t) => [t.id, t.chosen, t.salary?.min])).toEqual([
      ['track.nodejs', false, 70000],
      ['track.java', false, 80000],
    ])
    expect(summary.strategyGroups.map((g) => [g.id, g.progress.counted])).toEqual([
      ['group.growth', 2],
      ['group.networking', 2],
      ['group.brand', 2],
    ])
  })

  it('measures by stage, track and group, leaving skipped and hidden items out', async () => {
    const { api } = await open()
    await must(api.roadmap.setStatus({ itemId: 'skill.data-structures', status: 'done' }))
    await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'in-progress' }))
    await must(api.roadmap.setStatus({ itemId: 'skill.programming-languages', status: 'skipped' }))
    await must(api.roadmap.setHidden({ itemId: 'group.brand', hidden: true }))
    await must(api.roadmap.setStatus({ itemId: 'strategy.open-source', status: 'done' }))
    const summary = await must(api.progress.summary(undefined))
    const stage = summary.stages.find((s) => s.id === 'stage.cs-degree')?.progress
    expect(stage).toMatchObject({ ratio: 0.75, done: 1, inProgress: 1, skipped: 1, counted: 2 })
    expect(summary.strategyGroups.find((g) => g.id === 'group.brand')).toMatchObject({ hidden: true, progress: { ratio: null, hidden: 2 } })
    expect(summary.strategyGroups.find((g) => g.id === 'group.growth')?.progress.ratio).toBe(0.5)
    expect(summary.overall).toMatchObject({ counted: 10, done: 2, inProgress: 1, skipped: 1, hidden: 2 })
    expect(summary.overall.ratio).toBeCloseTo(2.5 / 10)
  })

  it('lists unfinished skills of the chosen tracks in path order, custom ones included', async () => {
    const { api } = await open()
    await must(api.roadmap.chooseTracks({ trackIds: ['track.java', 'track.nodejs'] }))
    await must(api.roadmap.setStatus({ itemId: 'skill.javascript', status: 'done' }))
    await must(api.roadmap.setStatus({ itemId: 'skill.spring-framework', status: 'in-progress' }))
    await must(api.roadmap.setHidden({ itemId: 'skill.java', hidden: true }))
    const kotlin = await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Kotlin' }))
    await must(api.roadmap.setLevel({ itemId: 'skill.spring-framework', level: 2 }))
    const summary = await must(api.progress.summary(undefined))
    expect(summary.chosenTrackIds).toEqual(['track.nodejs', 'track.java'])
    expect(summary.nextUp.map((n) => [n.id, n.trackId, n.status, n.level])).toEqual([
      ['skill.asynchronous-programming', 'track.nodejs', 'not-started', null],
      ['skill.spring-framework', 'track.java', 'in-progress', 2],
      [kotlin.id, 'track.java', 'not-started', null],
    ])
    expect(summary.tracks.find((t) => t.id === 'track.java')).toMatchObject({ chosen: true, progress: { counted: 2, hidden: 1 } })
  })

  it('shows goals due in the next 30 days and overdue goals and milestones of open goals only', async () => {
    const { api } = await open()
    const soon = await must(api.goals.create({ title: 'Soon', startDate: '2026-11-01', targetDate: '2026-12-05', milestones: [{ title: 'late step', dueDate: '2026-11-20' }, { title: 'done step', dueDate: '2026-11-10' }] }))
    await must(api.goals.toggleMilestone({ milestoneId: soon.milestones[1]?.id ?? 0 }))
    await must(api.goals.create({ title: 'Today', startDate: '2026-11-01', targetDate: '2026-11-25' }))
    await must(api.goals.create({ title: 'Edge', targetDate: '2026-12-25' }))
    await must(api.goals.create({ title: 'Later', targetDate: '2026-12-26' }))
    const late = await must(api.goals.create({ title: 'Late', startDate: '2026-10-01', targetDate: '2026-11-22' }))
    await must(api.goals.create({ title: 'Finished late', startDate: '2026-10-01', targetDate: '2026-11-01', status: 'done' }))
    const archived = await must(api.goals.create({ title: 'Archived late', startDate: '2026-10-01', targetDate: '2026-11-01', milestones: [{ title: 'x', dueDate: '2026-10-02' }] }))
    await must(api.goals.archive({ goalId: archived.id }))

    const summary = await must(api.progress.summary(undefined))
    expect(summary.dueSoon.map((d) => [d.title, d.daysLeft])).toEqual([
      ['Today', 0],
      ['Soon', 10],
      ['Edge', 30],
    ])
    expect(summary.overdueGoals.map((d) => [d.goalId, d.daysLeft])).toEqual([[late.id, -3]])
    expect(summary.dueSoonMilestones).toEqual([])
    expect(summary.overdueMilestones).toEqual([
      { milestoneId: soon.milestones[0]?.id, title: 'late step', dueDate: '2026-11-20', daysLeft: -5, goalId: soon.id, goalTitle: 'Soon' },
    ])
  })

  it('lists milestones due in the next 30 days, even when their goal is due later or has no date', async () => {
    const { api } = await open()
    const far = await must(
      api.goals.create({
        title: 'Talk at a conference',
        targetDate: '2027-06-01',
        milestones: [
          { title: 'Send the proposal', dueDate: '2026-12-13' },
          { title: 'Today too', dueDate: '2026-11-25' },
          { title: 'Edge', dueDate: '2026-12-25' },
          { title: 'Too far', dueDate: '2026-12-26' },
          { title: 'Done already', dueDate: '2026-12-01' },
        ],
      }),
    )
    await must(api.goals.toggleMilestone({ milestoneId: far.milestones[4]?.id ?? 0 }))
    const undated = await must(api.goals.create({ title: 'Someday', milestones: [{ title: 'First step', dueDate: '2026-12-01' }] }))
    const paused = await must(api.goals.create({ title: 'Resting', status: 'paused', milestones: [{ title: 'Paused step', dueDate: '2026-12-02' }] }))
    await must(api.goals.create({ title: 'Finished', status: 'done', milestones: [{ title: 'Finished step', dueDate: '2026-12-02' }] }))
    const archived = await must(api.goals.create({ title: 'Put away', milestones: [{ title: 'Archived step', dueDate: '2026-12-02' }] }))
    await must(api.goals.archive({ goalId: archived.id }))

    const summary = await must(api.progress.summary(undefined))
    expect(summary.dueSoon).toEqual([])
    expect(summary.dueSoonMilestones.map((m) => [m.title, m.daysLeft, m.goalId, m.goalTitle])).toEqual([
      ['Today too', 0, far.id, 'Talk at a conference'],
      ['First step', 6, undated.id, 'Someday'],
      ['Paused step', 7, paused.id, 'Resting'],
      ['Send the proposal', 18, far.id, 'Talk at a conference'],
      ['Edge', 30, far.id, 'Talk at a conference'],
    ])
  })

  it('lists active goals as their rows show them, paused, done and archived ones left out', async () => {
    const { api } = await open()
    const late = await must(api.goals.create({ title: 'Late', startDate: '2026-10-01', targetDate: '2026-11-20', milestones: [{ title: 'a' }, { title: 'b' }, { title: 'c' }] }))
    await must(api.goals.toggleMilestone({ milestoneId: late.milestones[0]?.id ?? 0 }))
    const undated = await must(api.goals.create({ title: 'Someday', manualProgress: 40 }))
    const soon = await must(api.goals.create({ title: 'Soon', targetDate: '2026-12-01' }))
    await must(api.goals.create({ title: 'Resting', status: 'paused', targetDate: '2026-12-02' }))
    await must(api.goals.create({ title: 'Finished', status: 'done' }))
    const archived = await must(api.goals.create({ title: 'Put away' }))
    await must(api.goals.archive({ goalId: archived.id }))

    const summary = await must(api.progress.summary(undefined))
    expect(summary.activeGoals).toEqual([
      { goalId: late.id, title: 'Late', targetDate: '2026-11-20', overdue: true, progress: 1 / 3, milestonesDone: 1, milestones: 3, activityTally: null },
      { goalId: soon.id, title: 'Soon', targetDate: '2026-12-01', overdue: false, progress: 0, milestonesDone: 0, milestones: 0, activityTally: null },
      { goalId: undated.id, title: 'Someday', targetDate: null, overdue: false, progress: 0.4, milestonesDone: 0, milestones: 0, activityTally: null },
    ])
  })
})
