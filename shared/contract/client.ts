import type { ContractShape, ClientOf } from './channel'
import { listChannels } from './channel'
import type { Result } from './result'

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>

/**
 * Builds the typed client from the contract and one untyped wire function. The shape is
 * derived from the same declaration the main process dispatches on, which is what makes the
 * single assertion below true: every method exists, and its result is the handler's output
 * (checked there by HandlersOf).
 */
export function createClient<C extends ContractShape>(contract: C, invoke: Invoke): ClientOf<C> {
  const client: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const { ns, method, name } of listChannels(contract)) {
    ;(client[ns] ??= {})[method] = (input: unknown) => invoke(name, input)
  }
  return client as ClientOf<C>
}
