import { addDays, format, getISOWeekYear } from 'date-fns'
import type { ActivityKind } from './careerPath'
import { parseIsoDate, toIsoDate, type IsoDate } from './dates'

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

/**
 * When the weekly review asks to be written: off until the person turns it on. Read by other
 * features (the calendar export) through `readWeeklyReviewSchedule(ctx)` in core.
 */
export interface WeeklyReviewSchedule {
  enabled: boolean
  /** 0 = Sunday … 6 = Saturday, as Date.getDay() counts. */
  weekday: Weekday
  /** Local wall-clock time, 'HH:MM' on a 24-hour clock. */
  time: string
}

export const defaultWeeklyReviewSchedule: WeeklyReviewSchedule = { enabled: false, weekday: 5, time: '16:00' }

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

export const clockTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/

/** One saved review: one per ISO week (Monday to Sunday); saving the same week again updates it. */
export interface WeeklyReview {
  /** The Monday of its ISO week. */
  weekStart: IsoDate
  /** The Sunday. */
  weekEnd: IsoDate
  /** '2026-W49'. */
  isoWeek: string
  shipped: string
  learned: string
  next: string
  createdAt: string
  updatedAt: string
}

export interface WeekActivity {
  id: number
  kind: ActivityKind
  date: IsoDate
  title: string
  repo: string | null
  impact: string | null
}

/** A change to the plan during the week: a status or level on the roadmap, a goal or milestone done. */
export interface WeekPlanChange {
  kind: 'status' | 'level' | 'goal-done' | 'milestone-done'
  /** UTC instant of the change. */
  at: string
  /** In words: "Java: level 2 → 3", "Milestone done: Design (Ship a service)". */
  text: string
  goalId: number | null
  itemId: string | null
}

/** What the review dialog opens with: the week, its entry if one was saved, and what happened in it. */
export interface WeeklyReviewDraft {
  weekStart: IsoDate
  weekEnd: IsoDate
  isoWeek: string
  entry: WeeklyReview | null
  activities: WeekActivity[]
  changes: WeekPlanChange[]
  /** The text fields as they start when nothing was saved yet for the week. */
  suggested: { shipped: string; learned: string; next: string }
}

/** The Monday of the ISO week holding `date`. */
export function weekStartOf(date: IsoDate): IsoDate {
  const day = parseIsoDate(date)
  const back = (day.getDay() + 6) % 7
  return toIsoDate(addDays(day, -back))
}

export const weekEndOf = (weekStart: IsoDate): IsoDate => toIsoDate(addDays(parseIsoDate(weekStart), 6))

/** False for anything that is not a Monday, text that is not a date included (a schema asks before the date is checked). */
export function isMonday(date: IsoDate): boolean {
  try {
    return parseIsoDate(date).getDay() === 1
  } catch {
    return false
  }
}

export const shiftWeek = (weekStart: IsoDate, weeks: number): IsoDate => toIsoDate(addDays(parseIsoDate(weekStart), weeks * 7))

/** '2026-W49' for the week starting on `weekStart`. */
export function isoWeekLabel(weekStart: IsoDate): string {
  const day = parseIsoDate(weekStart)
  return `${getISOWeekYear(day)}-W${format(day, 'II')}`
}
