import { formatDay, formatInstantDay } from '../ui/dates'

const isoDay = /^\d{4}-\d{2}-\d{2}$/
const isoInstant = /^\d{4}-\d{2}-\d{2}T/

// Stamps whose presence is the fact: "done on 3 Mar 2027" or "not done".
const stamped: Record<string, [string, string]> = {
  done_at: ['done on', 'not done'],
  archived_at: ['archived on', 'not archived'],
  deleted_at: ['deleted on', 'not deleted'],
  completed_at: ['completed on', 'not completed'],
}
const yesNo = new Set(['starred', 'hidden'])

/** A field's value as a person reads it in "This machine kept: …". */
export function shownValue(field: string, value: string | number | null): string {
  const stamp = stamped[field]
  if (stamp) return value === null || value === '' ? stamp[1] : `${stamp[0]} ${typeof value === 'string' && isoInstant.test(value) ? formatInstantDay(value) : String(value)}`
  if (value === null || value === '') return '(empty)'
  if (yesNo.has(field)) return value === 1 ? 'yes' : 'no'
  if (field === 'manual_progress') return `${value}%`
  if (field === 'hours') return `${value} h`
  if (typeof value === 'string' && isoDay.test(value)) return formatDay(value)
  return String(value)
}
