import { describe, expect, it } from 'vitest'
import {
  describeProgress,
  formatPercent,
  goalProgress,
  measureProgress,
  progressOf,
  progressRuleText,
  type ProgressItem,
} from '@shared/domain/progress'
import type { ItemStatus } from '@shared/domain/roadmap'

const stage = (id: string, extra: Partial<ProgressItem> = {}): ProgressItem => ({ id, parentId: null, kind: 'stage', status: 'not-started', hidden: false, ...extra })
const node = (id: string, parentId: string, kind: ProgressItem['kind'], status: ItemStatus = 'not-started', hidden = false): ProgressItem => ({
  id,
  parentId,
  kind,
  status,
  hidden,
})

describe('progress rule', () => {
  it('is one sentence the UI can show', () => {
    expect(progressRuleText).toMatch(/^[A-Z][^.]*\.$/)
    expect(progressRuleText).toMatch(/skipped/)
    expect(progressRuleText).toMatch(/hidden/)
  })

  it('has nothing to measure when there are no items, not 0 and not NaN', () => {
    const { overall, byId } = measureProgress([])
    expect(overall.ratio).toBeNull()
    expect(byId.size).toBe(0)
    expect(formatPercent(overall.ratio)).toBe('–')
    expect(describeProgress(overall)).toBe('Nothing to measure: there are no skills or strategies here.')
  })

  it('gives an empty container null, not 0', () => {
    const { byId, overall } = measureProgress([stage('stage.a'), node('track.empty', 'stage.a', 'track')])
    expect(byId.get('stage.a')?.ratio).toBeNull()
    expect(byId.get('track.empty')?.ratio).toBeNull()
    expect(overall.ratio).toBeNull()
  })

  it('has nothing to measure when everything is skipped', () => {
    const items = [stage('stage.a'), node('skill.a', 'stage.a', 'skill', 'skipped'), node('skill.b', 'stage.a', 'skill', 'skipped')]
    const p = measureProgress(items).byId.get('stage.a')
    expect(p).toMatchObject({ ratio: null, skipped: 2, counted: 0 })
    expect(Number.isNaN(p?.ratio)).toBe(false)
    expect(describeProgress(p ?? progressOf([]))).toBe('Nothing to measure: every skill and strategy here is skipped or hidden (2 skipped).')
  })

  it('counts done as 1, in progress as a half, not started as 0; skipped leaves the denominator', () => {
    const items = [
      stage('stage.a'),
      node('skill.done', 'stage.a', 'skill', 'done'),
      node('skill.doing', 'stage.a', 'skill', 'in-progress'),
      node('skill.todo', 'stage.a', 'skill', 'not-started'),
      node('skill.skip', 'stage.a', 'skill', 'skipped'),
    ]
    const p = measureProgress(items).byId.get('stage.a')
    expect(p).toMatchObject({ done: 1, inProgress: 1, notStarted: 1, skipped: 1, counted: 3 })
    expect(p?.ratio).toBeCloseTo(1.5 / 3)
    expect(describeProgress(p ?? progressOf([]))).toBe('50%: 1 of 3 items done, 1 in progress (counts half). 1 skipped is not counted.')
  })

  it('halves an item in progress on its own', () => {
    expect(progressOf(['in-progress']).ratio).toBe(0.5)
    expect(formatPercent(progressOf(['in-progress']).ratio)).toBe('50%')
  })

  it('takes hidden items, and everything under a hidden or skipped item, out of the count', () => {
    const items = [
      stage('stage.a'),
      node('track.kept', 'stage.a', 'track'),
      node('skill.k1', 'track.kept', 'skill', 'done'),
      node('skill.k2', 'track.kept', 'skill', 'not-started', true),
      node('track.hidden', 'stage.a', 'track', 'not-started', true),
      node('skill.h1', 'track.hidden', 'skill', 'not-started'),
      node('track.skipped', 'stage.a', 'track', 'skipped'),
      node('skill.s1', 'track.skipped', 'skill', 'in-progress'),
    ]
    const { byId, overall } = measureProgress(items)
    expect(byId.get('track.kept')).toMatchObject({ ratio: 1, hidden: 1, counted: 1 })
    expect(byId.get('track.hidden')).toMatchObject({ ratio: null, hidden: 1 })
    expect(byId.get('track.skipped')).toMatchObject({ ratio: null, skipped: 1 })
    expect(byId.get('stage.a')).toMatchObject({ ratio: 1, counted: 1, hidden: 2, skipped: 1 })
    expect(overall).toMatchObject({ ratio: 1, counted: 1 })
  })

  it('averages a container over its leaf skills and strategies, not over its children', () => {
    const items = [
      stage('stage.a'),
      node('skill.direct', 'stage.a', 'skill', 'done'),
      node('track.t', 'stage.a', 'track'),
      node('skill.t1', 'track.t', 'skill'),
      node('skill.t2', 'track.t', 'skill'),
      node('skill.t3', 'track.t', 'skill'),
      node('group.g', 'stage.a', 'strategy-group'),
      node('strategy.s', 'group.g', 'strategy', 'done'),
    ]
    const { byId } = measureProgress(items)
    // Mean of leaves: 2 of 5. A mean of children would be (1 + 0 + 1) / 3.
    expect(byId.get('stage.a')?.ratio).toBeCloseTo(2 / 5)
    expect(byId.get('group.g')?.ratio).toBe(1)
    expect(byId.get('skill.t1')?.ratio).toBe(0)
  })

  it('ignores a container status: only measured items move the number', () => {
    const items = [stage('stage.a', { status: 'done' }), node('skill.a', 'stage.a', 'skill')]
    expect(measureProgress(items).byId.get('stage.a')?.ratio).toBe(0)
  })

  it('survives an orphan and a parent cycle', () => {
    const items = [node('skill.orphan', 'track.gone', 'skill', 'done'), node('x.a', 'x.b', 'track'), node('x.b', 'x.a', 'track'), node('skill.c', 'x.a', 'skill')]
    const { byId, overall } = measureProgress(items)
    expect(byId.get('skill.orphan')?.ratio).toBe(1)
    expect(byId.get('x.b')?.counted).toBe(1)
    expect(overall.counted).toBe(2)
  })

  it('rounds for people: two thirds is 67%', () => {
    expect(formatPercent(2 / 3)).toBe('67%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(1)).toBe('100%')
  })
})

describe('goal progress', () => {
  it('is the share of done milestones', () => {
    const milestones = [{ doneAt: '2026-01-01T00:00:00Z' }, { doneAt: '2026-01-02T00:00:00Z' }, { doneAt: null }]
    expect(goalProgress({ manualProgress: 90, milestones })).toBeCloseTo(2 / 3)
  })

  it('is the manual percentage when the goal has no milestones', () => {
    expect(goalProgress({ manualProgress: 40, milestones: [] })).toBe(0.4)
    expect(goalProgress({ manualProgress: 0, milestones: [] })).toBe(0)
  })

  it('ignores the manual percentage once there are milestones', () => {
    expect(goalProgress({ manualProgress: 100, milestones: [{ doneAt: null }] })).toBe(0)
  })
})
