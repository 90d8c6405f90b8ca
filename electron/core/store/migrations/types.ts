export interface Migration {
  /** The user_version this migration brings the database to. Numbers are never reused. */
  version: number
  name: string
  sql: string
}
