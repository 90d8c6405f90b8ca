import { contract, createClient, type Api, type Result } from '@shared/contract'
import { openTempCore } from './tempCore'

/** A core on a temp SQLite file with the renderer's typed client over it; `dispose` removes both. */
export async function openActivitiesCore(now: () => Date) {
  const core = await openTempCore({ now })
  const api: Api = createClient(contract, (name, input) => core.dispatch(name, input))
  return { core, api }
}

export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

export async function refusal<T>(call: Promise<Result<T>>) {
  const result = await call
  if (result.ok) throw new Error(`Expected a refusal, got ${JSON.stringify(result.value).slice(0, 300)}`)
  return result.error
}

/** Rows in a table, read straight from SQLite: what "nothing changed" is checked against. */
export function tableCounts(db: { prepare(sql: string): { pluck(): { get(): unknown } } }, tables = ['activity', 'activity_skill']): Record<string, unknown> {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]))
}
