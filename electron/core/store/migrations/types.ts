import type { Db } from '../sqlite'

export interface Migration {
  /** The user_version this migration brings the database to. Numbers are never reused. */
  version: number
  name: string
  sql: string
  /**
   * Work SQL cannot say alone (reading a link with the app's own parser), run after `sql` in
   * the same transaction.
   */
  data?: (db: Db) => void
}
