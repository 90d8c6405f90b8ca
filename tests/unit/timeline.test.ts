import { describe, expect, it } from 'vitest'
import { dateAtOffset, layoutTimeline, suggestedScale, type TimelineGoalInput } from '@shared/domain/timeline'

const goal = (id: number, startDate: string, targetDate: string | null, extra: Partial<TimelineGoalInput> = {}): TimelineGoalInput => ({
  id,
  title: `Goal ${id}`,
  startDate,
  targetDate,
  status: 'active',
  archivedAt: null,
  milestones: [],
  ...extra,
})

describe('timeline layout', () => {
  it('shows a readable empty axis from the month of today', () => {
    const layout = layoutTimeline([], { today: '2026-11-25', scale: 'month' })
    expect(layout.start).toBe('2026-11-01')
    expect(layout.end).toBe('2027-04-30')
    expect(layout.columns.map((c) => c.label)).toEqual(['Nov 2026', 'Dec 2026', 'Jan 2027', 'Feb 2027', 'Mar 2027', 'Apr 2027'])
    expect(layout.bars).toEqual([])
    expect(layout.todayOffset).toBeCloseTo(24 / layout.days)
  })

  it('columns tile the axis exactly, widths by their days', () => {
    const layout = layoutTimeline([goal(1, '2026-11-25', '2027-02-25')], { today: '2026-11-25', scale: 'month', minColumns: 1 })
    expect(layout.columns.map((c) => c.key)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(layout.days).toBe(30 + 31 + 31 + 28)
    const total = layout.columns.reduce((sum, c) => sum + c.width, 0)
    expect(total).toBeCloseTo(1)
    layout.columns.forEach((c, i) => {
      const next = layout.columns[i + 1]
      if (next) expect(c.offset + c.width).toBeCloseTo(next.offset)
    })
    expect(layout.columns[1]).toMatchObject({ start: '2026-12-01', end: '2026-12-31' })
    expect(layout.columns[1]?.width).toBeCloseTo(31 / 120)
  })

  it('runs to the furthest target date or milestone, by quarter', () => {
    const layout = layoutTimeline(
      [
        goal(1, '2026-11-25', '2027-02-25'),
        goal(2, '2026-12-01', '2027-03-01', { milestones: [{ id: 9, title: 'late', dueDate: '2027-08-15', doneAt: null }] }),
      ],
      { today: '2026-11-25', scale: 'quarter', minColumns: 1 },
    )
    expect(layout.start).toBe('2026-10-01')
    expect(layout.end).toBe('2027-09-30')
    expect(layout.columns.map((c) => c.label)).toEqual(['Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027'])
    expect(layout.columns.map((c) => c.key)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3'])
  })

  it('places a bar from the start of its first day to the end of its target day', () => {
    const layout = layoutTimeline([goal(1, '2026-12-01', '2026-12-31')], { today: '2026-11-25', scale: 'month', minColumns: 2 })
    expect(layout.days).toBe(61)
    const bar = layout.bars[0]
    expect(bar?.start).toBeCloseTo(30 / 61)
    expect(bar?.end).toBeCloseTo(61 / 61)
    expect(bar?.startsBefore).toBe(false)
  })

  it('clips a goal that began before the axis and flags an overdue one', () => {
    const layout = layoutTimeline(
      [goal(1, '2026-06-01', '2027-01-15'), goal(2, '2026-03-01', '2026-10-31'), goal(3, '2026-03-01', '2026-10-31', { status: 'done' })],
      { today: '2026-11-25', scale: 'month' },
    )
    const [first, second, third] = layout.bars
    expect(first).toMatchObject({ goalId: 2, start: 0, end: 0, startsBefore: true, overdue: true })
    expect(second).toMatchObject({ goalId: 3, overdue: false })
    expect(third).toMatchObject({ goalId: 1, start: 0, startsBefore: true, overdue: false })
    expect(layout.bars.map((b) => b.row)).toEqual([0, 1, 2])
  })

  it('marks milestones at the middle of their day and keeps undated ones off the axis', () => {
    const layout = layoutTimeline(
      [
        goal(1, '2026-11-01', '2027-01-31', {
          milestones: [
            { id: 1, title: 'done', dueDate: '2026-11-10', doneAt: '2026-11-09T10:00:00Z' },
            { id: 2, title: 'late', dueDate: '2026-11-20', doneAt: null },
            { id: 3, title: 'ahead', dueDate: '2026-12-01', doneAt: null },
            { id: 4, title: 'whenever', dueDate: null, doneAt: null },
          ],
        }),
      ],
      { today: '2026-11-25', scale: 'month', minColumns: 3 },
    )
    const marks = layout.bars[0]?.milestones ?? []
    expect(marks.map((m) => [m.id, m.done, m.overdue])).toEqual([
      [1, true, false],
      [2, false, true],
      [3, false, false],
    ])
    expect(marks[2]?.offset).toBeCloseTo(30.5 / layout.days)
  })

  it('lists goals without a target date as unscheduled', () => {
    const layout = layoutTimeline([goal(1, '2026-11-01', null), goal(2, '2026-11-01', '2026-12-01')], { today: '2026-11-25', scale: 'month' })
    expect(layout.unscheduled).toEqual([1])
    expect(layout.bars.map((b) => b.goalId)).toEqual([2])
  })

  it('turns a drop position back into a date, clamped to the axis', () => {
    const layout = layoutTimeline([], { today: '2026-11-25', scale: 'month', minColumns: 2 })
    expect(dateAtOffset(layout, 0)).toBe('2026-11-01')
    expect(dateAtOffset(layout, 30 / 61)).toBe('2026-12-01')
    expect(dateAtOffset(layout, 1)).toBe('2026-12-31')
    expect(dateAtOffset(layout, -3)).toBe('2026-11-01')
    expect(dateAtOffset(layout, 7)).toBe('2026-12-31')
    const bar = layoutTimeline([goal(1, '2026-11-10', '2026-12-20')], { today: '2026-11-25', scale: 'month', minColumns: 2 }).bars[0]
    expect(dateAtOffset(layout, bar?.start ?? -1)).toBe('2026-11-10')
  })

  it('keeps a day a day across a daylight-saving change', () => {
    const layout = layoutTimeline([goal(1, '2027-03-01', '2027-03-31')], { today: '2027-03-01', scale: 'month', minColumns: 1 })
    expect(layout.days).toBe(31)
    expect(layout.bars[0]).toMatchObject({ start: 0, end: 1 })
  })

  it('opens a plan decades long in years, one column a year, and a near one in months', () => {
    const far = [goal(1, '2026-11-25', '2076-11-25')]
    expect(suggestedScale(far, '2026-11-25')).toBe('year')
    const layout = layoutTimeline(far, { today: '2026-11-25', scale: suggestedScale(far, '2026-11-25') })
    expect(layout.columns).toHaveLength(51)
    expect(layout.columns.slice(0, 2).map((c) => [c.key, c.label])).toEqual([['2026', '2026'], ['2027', '2027']])
    expect([layout.start, layout.end]).toEqual(['2026-01-01', '2076-12-31'])
    // A milestone far off counts as much as a target date; five years is still months.
    expect(suggestedScale([goal(2, '2026-11-25', null, { milestones: [{ id: 1, title: 'm', dueDate: '2040-01-01', doneAt: null }] })], '2026-11-25')).toBe('year')
    expect(suggestedScale([goal(3, '2026-11-25', '2031-11-25')], '2026-11-25')).toBe('month')
    expect(suggestedScale([], '2026-11-25')).toBe('month')
  })
})
