import { fail, type Invoke, type Result } from '@shared/contract'
import { httpApiPrefix } from '@shared/contract/transport'

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean'

/** How the last call found the web host: answering, not there, or refusing this tab's token. */
export type HostReach = 'ok' | 'offline' | 'signed-out'

/**
 * The browser transport: the web host answers every call with a Result. The token goes as a
 * header on every call (read afresh each time, so a tab given a new address uses it); no
 * cookie is sent or kept. Network trouble becomes a Result too, so callers handle one shape.
 */
export function createHttpInvoke(
  baseUrl = '',
  headers: Record<string, string> | (() => Record<string, string>) = {},
  onReach: (reach: HostReach) => void = () => {},
): Invoke {
  return async (channel, input) => {
    let response: Response
    try {
      response = await fetch(baseUrl + httpApiPrefix + channel, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(typeof headers === 'function' ? headers() : headers) },
        body: input === undefined ? '' : JSON.stringify(input),
        credentials: 'omit',
      })
    } catch {
      onReach('offline')
      return fail('unavailable', 'Pathfinder is not reachable. Is the host still running?')
    }
    onReach(response.status === 401 ? 'signed-out' : 'ok')
    const body: unknown = await response.json().catch(() => undefined)
    if (isResult(body)) return body
    return fail('unavailable', `Pathfinder answered with an unexpected response (HTTP ${response.status}).`)
  }
}
