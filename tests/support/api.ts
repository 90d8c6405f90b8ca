import { contract, createClient, type Api, type Result } from '@shared/contract'
import type { Dispatcher } from '../../electron/core/ipc/dispatcher'

/** The renderer's typed client, wired straight to a core's dispatcher: tests call what the UI calls. */
export const apiOf = (core: Dispatcher): Api => createClient(contract, (name, input) => core.dispatch(name, input))

/** The value of a call that must succeed; a failure fails the test with the user's message. */
export async function must<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

/** The error of a call that must fail. */
export async function refused<T>(call: Promise<Result<T>>): Promise<{ code: string; message: string; issues?: { path: string; message: string }[] }> {
  const result = await call
  if (result.ok) throw new Error(`Expected a refusal, got ${JSON.stringify(result.value)}`)
  return result.error
}
