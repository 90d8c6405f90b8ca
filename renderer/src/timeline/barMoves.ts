import { addDays, addMonths } from 'date-fns'
import { parseIsoDate, toIsoDate, type IsoDate } from '@shared/domain/dates'

/** What a drag or a key changes: the whole bar, or one of its ends. */
export type BarEdit = 'move' | 'start' | 'end'

export interface GoalSpan {
  startDate: IsoDate
  targetDate: IsoDate
}

type Step = (date: Date, by: number) => Date

/** An end never passes the other: a bar shrinks to one day rather than turning inside out (the contract would refuse it). */
function shifted(span: GoalSpan, edit: BarEdit, by: number, step: Step): GoalSpan {
  const at = (date: IsoDate) => toIsoDate(step(parseIsoDate(date), by))
  if (edit === 'move') return { startDate: at(span.startDate), targetDate: at(span.targetDate) }
  if (edit === 'start') {
    const startDate = at(span.startDate)
    return { startDate: startDate > span.targetDate ? span.targetDate : startDate, targetDate: span.targetDate }
  }
  const targetDate = at(span.targetDate)
  return { startDate: span.startDate, targetDate: targetDate < span.startDate ? span.startDate : targetDate }
}

/** A drag: whole days, as far as the pointer went. */
export const shiftByDays = (span: GoalSpan, edit: BarEdit, days: number): GoalSpan => shifted(span, edit, days, addDays)
/** A key press: a month at a time, the unit of the timeline's finest scale. */
export const shiftByMonths = (span: GoalSpan, edit: BarEdit, months: number): GoalSpan => shifted(span, edit, months, addMonths)

/** Which key does what on a focused bar; null for keys the bar leaves alone. */
export function keyEdit(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): { edit: BarEdit; months: number } | null {
  if (event.ctrlKey || event.metaKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return null
  const months = event.key === 'ArrowLeft' ? -1 : 1
  if (event.altKey && event.shiftKey) return { edit: 'start', months }
  if (event.altKey) return { edit: 'move', months }
  if (event.shiftKey) return { edit: 'end', months }
  return null
}

/** Near an end of the bar its edge is taken, elsewhere the whole bar: the ends are narrow, so a short bar is all middle. */
export function editAt(offsetX: number, width: number, grip = 8): BarEdit {
  if (width < grip * 3) return 'move'
  if (offsetX <= grip) return 'start'
  if (offsetX >= width - grip) return 'end'
  return 'move'
}
