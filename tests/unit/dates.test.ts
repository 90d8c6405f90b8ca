import { differenceInCalendarDays, isValid, parse } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { daysBetween, parseIsoDate } from '@shared/domain/dates'

// parseIsoDate and daysBetween read dates by hand for speed; date-fns is the reference they must match.
const reference = (value: string): Date | 'invalid' => {
  const date = parse(value, 'yyyy-MM-dd', new Date(0))
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isValid(date) ? date : 'invalid'
}
const ours = (value: string): Date | 'invalid' => {
  try {
    return parseIsoDate(value)
  } catch {
    return 'invalid'
  }
}
const pad = (n: number, width: number) => String(n).padStart(width, '0')

describe('calendar dates', () => {
  const odd = ['0099-01-01', '0001-12-31', '2024-02-29', '2023-02-29', '2100-02-29', '2000-02-29', '2027-13-01', '2027-00-10', '2027-04-31', '2027-03-00', '2027-3-01', '2027-03-01T00:00', '']
  const days: string[] = [...odd]
  for (let year = 1890; year <= 2110; year += 7) for (let month = 0; month <= 13; month += 1) for (const day of [0, 1, 15, 28, 29, 30, 31, 32]) days.push(`${year}-${pad(month, 2)}-${pad(day, 2)}`)

  it('parses exactly the dates date-fns parses, to the same local midnight', () => {
    for (const value of days) expect(ours(value), value).toEqual(reference(value))
  })

  it('counts calendar days as date-fns does', () => {
    const valid = days.filter((d) => reference(d) !== 'invalid')
    for (let i = 0; i < valid.length; i += 3) {
      const from = valid[i] ?? ''
      const to = valid[(i * 7919) % valid.length] ?? ''
      expect(daysBetween(from, to), `${from} → ${to}`).toBe(differenceInCalendarDays(parseIsoDate(to), parseIsoDate(from)))
    }
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2)
    expect(daysBetween('2027-03-29', '2027-03-27')).toBe(-2)
    expect(() => daysBetween('2027-02-30', '2027-03-01')).toThrow(RangeError)
  })
})
