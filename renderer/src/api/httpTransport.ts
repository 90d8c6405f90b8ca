import { fail, type Invoke, type Result } from '@shared/contract'
import { httpApiPrefix } from '@shared/contract/transport'

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean'

/**
 * The browser transport: the web host answers every call with a Result, and the session
 * cookie it set on the first visit authenticates us (tests pass a bearer header instead).
 * Network trouble becomes a Result too, so callers handle one shape.
 */
export function createHttpInvoke(baseUrl = '', headers: Record<string, string> = {}): Invoke {
  return async (channel, input) => {
    let response: Response
    try {
      response = await fetch(baseUrl + httpApiPrefix + channel, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: input === undefined ? '' : JSON.stringify(input),
        credentials: 'same-origin',
      })
    } catch {
      return fail('unavailable', 'Pathfinder is not reachable. Is the host still running?')
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (isResult(body)) return body
    return fail('unavailable', `Pathfinder answered with an unexpected response (HTTP ${response.status}).`)
  }
}
