import { describe, expect, it } from 'vitest'
import { summarizeWork } from '../../shared/domain/workSummary'

describe('summarizeWork', () => {
  // Wednesday 2 December 2026.
  const today = '2026-12-02'
  const days = [
    { date: '2026-11-27', count: 4 }, // Friday last week, last month
    { date: '2026-11-30', count: 1 }, // Monday this week, last month
    { date: '2026-12-01', count: 2 },
    { date: '2026-12-02', count: 3 },
    { date: '2026-12-03', count: 9 }, // tomorrow: a clock that moved back must not count it
  ]

  it('counts this week from Monday and this month from the 1st, up to today', () => {
    const summary = summarizeWork(days, today)
    expect(summary.thisWeek).toBe(6)
    expect(summary.thisMonth).toBe(5)
  })

  it('lays out whole weeks, Monday first, oldest first, with the days still to come left empty', () => {
    const summary = summarizeWork(days, today, 2)
    expect(summary.weeks.map((w) => w.map((d) => (d ? `${d.date.slice(8)}:${d.count}` : '-')))).toEqual([
      ['23:0', '24:0', '25:0', '26:0', '27:4', '28:0', '29:0'],
      ['30:1', '01:2', '02:3', '-', '-', '-', '-'],
    ])
    expect(summary.max).toBe(4)
  })

  it('starts a week on the Monday even when today is a Sunday', () => {
    const summary = summarizeWork([{ date: '2026-11-30', count: 2 }, { date: '2026-12-06', count: 1 }], '2026-12-06', 1)
    expect(summary.weeks[0]?.[0]).toEqual({ date: '2026-11-30', count: 2 })
    expect(summary.weeks[0]?.[6]).toEqual({ date: '2026-12-06', count: 1 })
    expect(summary.thisWeek).toBe(3)
  })

  it('is all zeros for an empty log', () => {
    const summary = summarizeWork([], today)
    expect(summary).toMatchObject({ thisWeek: 0, thisMonth: 0, max: 0 })
    expect(summary.weeks).toHaveLength(12)
  })
})
