import { z } from 'zod'
import { reminderTarget } from '@shared/contract/reminders'
import type { IsoDate } from '@shared/domain/dates'
import type { Reminder } from '@shared/domain/reminders'
import type { Db } from '../store/database'
import type { DueThing } from './reminderSchedule'

interface FiredRow {
  key: string
  title: string
  body: string
  target: string
}

const parseTarget = (text: string): Reminder['target'] | null => {
  try {
    const parsed = reminderTarget.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

const thingKey = z.tuple([z.enum(['goal', 'milestone']), z.coerce.number().int(), z.string(), z.string()])

/** Which reminders were handed out and dismissed, and the open goals and milestones they are about. */
export function createRemindersRepository(db: Db) {
  const dueThings = db.prepare<[string, string, string, string], DueThing>(/* sql */ `
    SELECT 'goal' AS kind, g.id, g.id AS goalId, g.title, g.title AS goalTitle, g.target_date AS dueDate
      FROM goal g WHERE g.archived_at IS NULL AND g.status = 'active' AND g.target_date BETWEEN ? AND ?
    UNION ALL
    SELECT 'milestone', m.id, g.id, m.title, g.title, m.due_date
      FROM milestone m JOIN goal g ON g.id = m.goal_id
      WHERE m.done_at IS NULL AND g.archived_at IS NULL AND g.status = 'active' AND m.due_date BETWEEN ? AND ?`)
  const fired = db.prepare<[string], { key: string }>('SELECT key FROM reminder_fired WHERE key = ?')
  const record = db.prepare<[string, string, string, string, string]>('INSERT OR IGNORE INTO reminder_fired (key, title, body, target, fired_at) VALUES (?, ?, ?, ?, ?)')
  const undismissed = db.prepare<[string], FiredRow>('SELECT key, title, body, target FROM reminder_fired WHERE dismissed_at IS NULL AND fired_at >= ? ORDER BY fired_at, key')
  const dismiss = db.prepare<[string, string]>('UPDATE reminder_fired SET dismissed_at = ? WHERE key = ? AND dismissed_at IS NULL')
  const goalOpen = db.prepare<[number, string], { n: number }>("SELECT count(*) AS n FROM goal WHERE id = ? AND target_date = ? AND archived_at IS NULL AND status = 'active'")
  const milestoneOpen = db.prepare<[number, string], { n: number }>(
    "SELECT count(*) AS n FROM milestone m JOIN goal g ON g.id = m.goal_id WHERE m.id = ? AND m.due_date = ? AND m.done_at IS NULL AND g.archived_at IS NULL AND g.status = 'active'",
  )
  const reviewed = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM weekly_review WHERE week_start = ?')

  /** Whether a reminder handed out still asks for something: its thing is open and not past, its review unwritten. */
  function stillMatters(reminder: Reminder, today: IsoDate): boolean {
    if (reminder.target.kind === 'review') return (reviewed.get(reminder.target.weekStart)?.n ?? 0) === 0
    const parts = thingKey.safeParse(reminder.key.split(':'))
    if (!parts.success) return false
    const [kind, id, dueDate] = parts.data
    if (dueDate < today) return false
    return ((kind === 'goal' ? goalOpen : milestoneOpen).get(id, dueDate)?.n ?? 0) > 0
  }

  const takeNew = db.transaction((reminders: readonly Reminder[], at: string): Reminder[] =>
    reminders.filter((r) => !fired.get(r.key) && record.run(r.key, r.title, r.body, JSON.stringify(r.target), at).changes > 0),
  )
  const dismissAll = db.transaction((keys: readonly string[], at: string): number => keys.reduce((n, key) => n + dismiss.run(at, key).changes, 0))

  return {
    dueThings: (from: IsoDate, to: IsoDate): DueThing[] => dueThings.all(from, to, from, to),
    /** Records each as fired and returns those that were not already: once, whoever asks. */
    takeNew: (reminders: readonly Reminder[], at: string): Reminder[] => takeNew(reminders, at),
    /** Handed out since `since`, not dismissed, and still asking for something on `today`. */
    open(since: string, today: IsoDate): Reminder[] {
      return undismissed.all(since).flatMap((row) => {
        const target = parseTarget(row.target)
        const reminder = target ? { key: row.key, title: row.title, body: row.body, target } : null
        return reminder && stillMatters(reminder, today) ? [reminder] : []
      })
    },
    dismiss: (keys: readonly string[], at: string): number => dismissAll(keys, at),
  }
}
