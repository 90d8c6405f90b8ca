import { describe, expect, it } from 'vitest'
import { emptyProgress, type Progress } from '@shared/domain/progress'
import { statusContradiction, suggestedStatus } from '@shared/domain/statusCheck'

const progress = (done: number, inProgress: number, notStarted: number): Progress => ({
  ...emptyProgress(),
  done,
  inProgress,
  notStarted,
  counted: done + inProgress + notStarted,
  ratio: done + inProgress + notStarted === 0 ? null : (done + inProgress / 2) / (done + inProgress + notStarted),
})

describe('status from the children', () => {
  it('suggests done when all are, in progress once any has begun, and nothing when nothing counts', () => {
    expect(suggestedStatus(progress(3, 0, 0))).toBe('done')
    expect(suggestedStatus(progress(1, 0, 2))).toBe('in-progress')
    expect(suggestedStatus(progress(0, 1, 2))).toBe('in-progress')
    expect(suggestedStatus(progress(0, 0, 2))).toBe('not-started')
    expect(suggestedStatus(progress(0, 0, 0))).toBeNull()
  })

  it('flags a stage not started at 100% or done at 50%, but not early days or a skipped one', () => {
    const stage = { kind: 'stage' as const, level: null }
    expect(statusContradiction({ ...stage, status: 'not-started' }, progress(2, 0, 0))).toEqual({
      message: 'Marked not started, but 2 of 2 items under it have begun.',
      suggestion: 'done',
    })
    expect(statusContradiction({ ...stage, status: 'done' }, progress(1, 0, 1))).toEqual({
      message: 'Marked done, but 1 of 2 items under it are not.',
      suggestion: 'in-progress',
    })
    expect(statusContradiction({ ...stage, status: 'in-progress' }, progress(0, 0, 3))).toBeNull()
    expect(statusContradiction({ ...stage, status: 'in-progress' }, progress(3, 0, 0))?.suggestion).toBe('done')
    expect(statusContradiction({ ...stage, status: 'skipped' }, progress(3, 0, 0))).toBeNull()
    expect(statusContradiction({ ...stage, status: 'not-started' }, progress(0, 0, 0))).toBeNull()
  })

  it('flags a skill done at level 0, and nothing else about a skill', () => {
    expect(statusContradiction({ kind: 'skill', status: 'done', level: 0 }, progress(1, 0, 0))?.message).toBe('Done, but at level 0 (None): is the level or the status right?')
    expect(statusContradiction({ kind: 'skill', status: 'done', level: 3 }, progress(1, 0, 0))).toBeNull()
    expect(statusContradiction({ kind: 'skill', status: 'done', level: null }, progress(1, 0, 0))).toBeNull()
  })
})
