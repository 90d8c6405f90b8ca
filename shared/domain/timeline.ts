import { addDays, addMonths, addQuarters, addYears, differenceInCalendarDays, differenceInCalendarMonths, endOfMonth, endOfQuarter, endOfYear, format, max, startOfMonth, startOfQuarter, startOfYear } from 'date-fns'
import { parseIsoDate, toIsoDate, type IsoDate } from './dates'
import { isGoalOverdue, isMilestoneOverdue, type GoalStatus } from './goals'

/**
 * The plan over time as geometry, free of any drawing: columns for months or quarters from
 * the one holding today to the one holding the furthest date, and one bar per goal. Offsets
 * are fractions of the whole width (0 = left edge, 1 = right edge), so any renderer can scale
 * them; `dateAtOffset` turns a drag position back into a date.
 */
export type TimelineScale = 'month' | 'quarter' | 'year'

export interface TimelineGoalInput {
  id: number
  title: string
  startDate: IsoDate
  targetDate: IsoDate | null
  status: GoalStatus
  archivedAt: string | null
  milestones: readonly { id: number; title: string; dueDate: IsoDate | null; doneAt: string | null }[]
}

export interface TimelineOptions {
  today: IsoDate
  scale: TimelineScale
  /** The fewest columns to show, so an empty or near plan still has a readable axis. */
  minColumns?: number
}

export interface TimelineColumn {
  /** "2027-03" for a month, "2027-Q1" for a quarter. */
  key: string
  label: string
  start: IsoDate
  /** Last day, inclusive. */
  end: IsoDate
  offset: number
  width: number
}

export interface TimelineMilestoneMark {
  id: number
  title: string
  dueDate: IsoDate
  /** Centre of its due day. */
  offset: number
  done: boolean
  overdue: boolean
}

export interface TimelineBar {
  goalId: number
  title: string
  row: number
  startDate: IsoDate
  targetDate: IsoDate
  /** Left edge of the start day, clamped to the axis. */
  start: number
  /** Right edge of the target day, clamped to the axis. */
  end: number
  /** The goal began before the axis does, so its left edge is cut. */
  startsBefore: boolean
  overdue: boolean
  status: GoalStatus
  milestones: TimelineMilestoneMark[]
}

export interface TimelineLayout {
  scale: TimelineScale
  start: IsoDate
  /** Last day on the axis, inclusive. */
  end: IsoDate
  days: number
  todayOffset: number
  columns: TimelineColumn[]
  bars: TimelineBar[]
  /** Goals without a target date: not placed, listed so the view can ask for one. */
  unscheduled: number[]
}

const periods = {
  month: { startOf: startOfMonth, endOf: endOfMonth, add: addMonths, key: 'yyyy-MM', label: 'MMM yyyy' },
  quarter: { startOf: startOfQuarter, endOf: endOfQuarter, add: addQuarters, key: "yyyy-'Q'Q", label: 'QQQ yyyy' },
  year: { startOf: startOfYear, endOf: endOfYear, add: addYears, key: 'yyyy', label: 'yyyy' },
} as const

/** Beyond this many months to the furthest date, months and quarters are too many columns to read. */
const monthsForYears = 60

/**
 * The scale a plan opens at: months, or years when its furthest date is more than five years
 * off (a goal decades away drew thousands of month columns).
 */
export function suggestedScale(goals: readonly TimelineGoalInput[], today: IsoDate): TimelineScale {
  const dates = goals.flatMap((g) => [...(g.targetDate ? [g.targetDate] : []), ...g.milestones.flatMap((m) => (m.dueDate ? [m.dueDate] : []))])
  const furthest = dates.reduce<IsoDate>((a, b) => (b > a ? b : a), today)
  return differenceInCalendarMonths(parseIsoDate(furthest), parseIsoDate(today)) > monthsForYears ? 'year' : 'month'
}

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n))

export function layoutTimeline(goals: readonly TimelineGoalInput[], options: TimelineOptions): TimelineLayout {
  const period = periods[options.scale]
  const today = parseIsoDate(options.today)
  const minColumns = Math.max(1, options.minColumns ?? (options.scale === 'month' ? 6 : options.scale === 'quarter' ? 4 : 3))
  const scheduled = goals.filter((g): g is TimelineGoalInput & { targetDate: IsoDate } => g.targetDate !== null)

  const furthest = max([
    period.add(today, minColumns - 1),
    ...scheduled.map((g) => parseIsoDate(g.targetDate)),
    ...scheduled.flatMap((g) => g.milestones.flatMap((m) => (m.dueDate ? [parseIsoDate(m.dueDate)] : []))),
  ])
  const start = period.startOf(today)
  const end = period.endOf(furthest)
  const days = differenceInCalendarDays(end, start) + 1
  const at = (date: Date): number => differenceInCalendarDays(date, start) / days

  const columns: TimelineColumn[] = []
  for (let colStart = start; colStart <= end; colStart = period.add(colStart, 1)) {
    const colEnd = period.endOf(colStart)
    columns.push({
      key: format(colStart, period.key),
      label: format(colStart, period.label),
      start: toIsoDate(colStart),
      end: toIsoDate(colEnd),
      offset: at(colStart),
      width: (differenceInCalendarDays(colEnd, colStart) + 1) / days,
    })
  }

  const ordered = [...scheduled].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.targetDate.localeCompare(b.targetDate) || a.id - b.id,
  )
  const bars = ordered.map((goal, row): TimelineBar => {
    const target = parseIsoDate(goal.targetDate)
    // A start after the target cannot be saved, but an import might carry one: draw a day.
    const begin = parseIsoDate(goal.startDate) > target ? target : parseIsoDate(goal.startDate)
    return {
      goalId: goal.id,
      title: goal.title,
      row,
      startDate: goal.startDate,
      targetDate: goal.targetDate,
      start: clamp01(at(begin)),
      end: clamp01(at(addDays(target, 1))),
      startsBefore: begin < start,
      overdue: isGoalOverdue(goal, options.today),
      status: goal.status,
      milestones: goal.milestones.flatMap((m) =>
        m.dueDate === null
          ? []
          : [
              {
                id: m.id,
                title: m.title,
                dueDate: m.dueDate,
                offset: clamp01(at(parseIsoDate(m.dueDate)) + 0.5 / days),
                done: m.doneAt !== null,
                overdue: isMilestoneOverdue(m, goal, options.today),
              },
            ],
      ),
    }
  })

  return {
    scale: options.scale,
    start: toIsoDate(start),
    end: toIsoDate(end),
    days,
    todayOffset: at(today),
    columns,
    bars,
    unscheduled: goals.filter((g) => g.targetDate === null).map((g) => g.id),
  }
}

/** The day under a position on the axis (0-1), e.g. where a dragged bar edge was dropped. */
export function dateAtOffset(layout: Pick<TimelineLayout, 'start' | 'days'>, offset: number): IsoDate {
  const day = Math.min(layout.days - 1, Math.floor(clamp01(offset) * layout.days))
  return toIsoDate(addDays(parseIsoDate(layout.start), day))
}
