import type { ImportIssue, ImportSummary } from '@shared/domain/activities'
import type { CalendarKind, CalendarPreview } from '@shared/domain/sourceImports'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { ImportedFields } from '../../activities/activityRow'
import type { Db } from '../../store/database'
import { importedActivity } from '../importedActivity'
import { inSlices, throwIfCancelled, type ImportRun } from '../importRun'
import { writeImportWhenNeeded } from '../writeImport'
import { readCalendar, suggestKind, type CalendarEntry } from './readCalendar'

const count = (n: number): string => n.toLocaleString('en-US')

/** Every event of the calendar with a guess of what it was, newest first; changes nothing. */
export function previewCalendar(repo: ActivitiesRepository, text: string, now: Date): CalendarPreview {
  const calendar = readCalendar(text, now)
  const events = calendar.entries.map((entry) => ({
    key: entry.key,
    date: entry.date,
    title: entry.title,
    location: entry.location,
    allDay: entry.allDay,
    recurring: entry.recurring,
    suggested: suggestKind(entry.title),
    inLog: repo.byExternalKey(entry.key) !== undefined,
  }))
  events.sort((a, b) => (a.date === b.date ? a.title.localeCompare(b.title) : a.date < b.date ? 1 : -1))
  return { calendarName: calendar.name, events, notes: calendar.notes }
}

function toFields(entry: CalendarEntry, kind: CalendarKind): ReturnType<typeof importedActivity> {
  const notes = [entry.location ? `At ${entry.location}.` : '', entry.description ?? ''].filter(Boolean).join('\n')
  return importedActivity({ kind, date: entry.date, title: entry.title, url: entry.url, hours: entry.hours, notes: notes || null }, 'calendar', entry.key)
}

export interface CalendarImportOptions extends ImportRun {
  text: string
  choices: { key: string; kind: CalendarKind }[]
  now: () => Date
}

/**
 * The events the person chose, each the meetup or talk they said. The calendar is read again
 * (a file or address the preview saw): a chosen event that is gone since is said, not guessed.
 */
export async function importCalendar(db: Db, repo: ActivitiesRepository, options: CalendarImportOptions): Promise<ImportSummary> {
  const { signal, onProgress } = options
  onProgress?.(0, 0, 'Reading the calendar')
  const calendar = readCalendar(options.text, options.now())
  throwIfCancelled(signal)
  const byKey = new Map(calendar.entries.map((entry) => [entry.key, entry]))
  const notes: ImportIssue[] = []
  const items: ImportedFields[] = []
  let missing = 0
  await inSlices(
    options.choices,
    (choice) => {
      const entry = byKey.get(choice.key)
      if (!entry) {
        missing += 1
        return
      }
      const fields = toFields(entry, choice.kind)
      if ('problem' in fields) notes.push({ message: `"${entry.title.slice(0, 80)}" was left out (${fields.problem}).` })
      else items.push(fields)
    },
    { signal, onPause: (done) => onProgress?.(done, options.choices.length, `Read ${count(done)} of ${count(options.choices.length)} events`) },
  )
  if (missing > 0) notes.push({ message: `${missing === 1 ? 'One chosen event is' : `${count(missing)} chosen events are`} no longer in the calendar and ${missing === 1 ? 'was' : 'were'} left out.` })
  throwIfCancelled(signal)
  onProgress?.(options.choices.length, options.choices.length, `Saving ${count(items.length)} events`)
  const summary = await writeImportWhenNeeded(db, repo, items, { merge: () => null }, options.now(), options)
  return { ...summary, errors: [...summary.errors, ...notes] }
}
