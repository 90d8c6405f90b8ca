import type { ActivityFields } from '../../activities/activityRow'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'

type Same = Pick<ActivityFields, 'date' | 'kind' | 'title' | 'repo'>

/** SQLite's NOCASE folds A-Z only; folding exactly that keeps "same" here what it is in SQL. */
const fold = (text: string): string => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
const keyOf = (a: Same): string => `${a.date}\t${a.kind}\t${fold(a.title)}\t${a.repo === null ? '\u0000' : fold(a.repo)}`

/**
 * What a CSV import could match without a key, held in memory: most rows of a file are new,
 * and asking SQLite about each was a quarter of the import. A row whose day, kind, title and
 * repository no live activity has is new for certain; only the others are looked up (the
 * question stays SQL's, so what counts as the same activity is decided in one place). Every
 * row the import writes is added, so a row repeated within the file is found too.
 */
export function sameActivities(repo: ActivitiesRepository, incoming: readonly Same[]) {
  const dates = incoming.map((a) => a.date).sort()
  const keys = new Set((dates.length ? repo.sameKeys(dates[0] ?? '', dates.at(-1) ?? '') : []).map(keyOf))
  return {
    mayExist: (a: Same): boolean => keys.has(keyOf(a)),
    written: (a: Same): void => void keys.add(keyOf(a)),
  }
}
