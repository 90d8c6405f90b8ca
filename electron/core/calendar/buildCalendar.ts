import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator'
import { goalStatusLabels } from '@shared/domain/goals'
import type { CalendarGoal, CalendarMilestone, CalendarSources } from './calendarSources'
import { sequenceOf } from './calendarSequence'
import { goalUid, milestoneUid } from './calendarUid'
import { weeklyReviewEvent, type WeeklyReviewForCalendar } from './weeklyReviewEvent'

export interface CalendarInput {
  sources: CalendarSources
  /** This data folder's part of every UID (calendarFolderId). */
  folderId: string
  /** The review's schedule when it is on; null when it is off or not set. */
  weeklyReview: WeeklyReviewForCalendar | null
  /** The person's today, in their calendar: where the weekly review's first event falls. */
  today: string
  now: Date
}

// A day as a Date at UTC midnight: ical-generator writes all-day dates from the UTC fields.
const utcDay = (day: string): Date => new Date(`${day}T00:00:00.000Z`)
/** An all-day event's span: its day, and the next one (DTEND is exclusive). Plain UTC arithmetic: date-fns cost a third of the build. */
const wholeDay = (day: string): { start: Date; end: Date } => {
  const start = utcDay(day)
  return { start, end: new Date(start.getTime() + 86_400_000) }
}

/** RFC 5545 allows no control characters in text but tab and line breaks (which the library escapes). */
// eslint-disable-next-line no-control-regex
const plain = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')

const cancelled = (goal: Pick<CalendarGoal, 'status' | 'archivedAt'>): boolean => goal.status === 'dropped' || goal.archivedAt !== null

function goalDescription(goal: CalendarGoal): string {
  const status = goal.archivedAt !== null ? `${goalStatusLabels[goal.status]}, archived` : goalStatusLabels[goal.status]
  return plain([`Goal in Pathfinder. Status: ${status}.`, goal.description?.trim() ?? ''].filter((line) => line !== '').join('\n\n'))
}

const goalSummary = (goal: CalendarGoal): string => plain(goal.status === 'done' ? `Goal done: ${goal.title}` : `Goal due: ${goal.title}`)
const milestoneSummary = (m: CalendarMilestone): string => plain(m.doneAt !== null ? `Milestone reached: ${m.title}` : `Milestone: ${m.title}`)

/**
 * Goals and milestones with a due date as all-day events, one stable UID each, and the weekly
 * review as a weekly event when it is on. A dropped or archived goal (and its milestones)
 * stays in the file as CANCELLED, so a calendar that imported it before takes it off.
 */
export function buildCalendar({ sources, folderId, weeklyReview, today, now }: CalendarInput): string {
  const calendar = ical({
    name: 'Pathfinder: goals and milestones',
    prodId: { company: 'Pathfinder', product: 'Pathfinder', language: 'EN' },
  })
  const common = { allDay: true, stamp: now, transparency: ICalEventTransparency.TRANSPARENT }

  for (const goal of sources.goals) {
    calendar.createEvent({
      ...common,
      ...sequenceOf(goal.updatedAt, goal.archivedAt),
      id: goalUid(goal.id, folderId),
      ...wholeDay(goal.targetDate),
      summary: goalSummary(goal),
      description: goalDescription(goal),
      status: cancelled(goal) ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: [{ name: 'Pathfinder' }, { name: 'Goal' }],
    })
  }
  for (const m of sources.milestones) {
    calendar.createEvent({
      ...common,
      // The goal's title and status show in the event too: a change to either is a change to it.
      ...sequenceOf(m.updatedAt, m.goal.updatedAt, m.goal.archivedAt),
      id: milestoneUid(m.id, folderId),
      ...wholeDay(m.dueDate),
      summary: milestoneSummary(m),
      description: plain(`Milestone of the goal “${m.goal.title}” in Pathfinder.`),
      status: cancelled(m.goal) ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: [{ name: 'Pathfinder' }, { name: 'Milestone' }],
    })
  }
  if (weeklyReview) calendar.createEvent(weeklyReviewEvent(weeklyReview, folderId, today, now))
  return calendar.toString()
}
