import Database from 'better-sqlite3'

/** What each kind of constraint means to the person whose row it refused. */
const said: Record<string, string> = {
  SQLITE_CONSTRAINT_CHECK: 'a value is not one Pathfinder allows',
  SQLITE_CONSTRAINT_UNIQUE: 'it repeats one already there',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'it repeats one already there',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'what it belongs to is not there',
  SQLITE_CONSTRAINT_NOTNULL: 'a value it needs is missing',
}

/**
 * Why SQLite refused a row, in words first. The columns SQLite names follow in brackets: they
 * tell whoever fixes the file or the other machine where to look. Our triggers' own refusals
 * (RAISE) are already in words and pass unchanged.
 */
export function refusalInWords(error: unknown): string {
  if (!(error instanceof Database.SqliteError)) return error instanceof Error ? error.message : String(error)
  const words = said[error.code]
  if (words === undefined) return error.message
  const detail = error.message.replace(/^[A-Z ]*constraint failed:?\s*/i, '').trim()
  return detail === '' ? words : `${words} (${detail})`
}
