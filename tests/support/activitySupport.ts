import { apiOf } from './api'
import { openTempCore } from './tempCore'

/** A core on a temp SQLite file with the renderer's typed client over it; `dispose` removes both. */
export async function openActivitiesCore(now: () => Date) {
  const core = await openTempCore({ now })
  return { core, api: apiOf(core) }
}

// The activity tests' names for the shared helpers.
export { must as ok, refused as refusal } from './api'

/** Rows in a table, read straight from SQLite: what "nothing changed" is checked against. */
export function tableCounts(db: { prepare(sql: string): { pluck(): { get(): unknown } } }, tables = ['activity', 'activity_skill']): Record<string, unknown> {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]))
}
