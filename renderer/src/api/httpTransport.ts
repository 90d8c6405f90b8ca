import { fail, type Invoke, type Result } from '@shared/contract'
import { httpApiPrefix, httpUploadPath } from '@shared/contract/transport'

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

const isUpload = (value: unknown): value is { upload: string } => typeof value === 'object' && value !== null && 'upload' in value && typeof value.upload === 'string'

/**
 * Sends a file to import to the web host as the raw request body, which the host streams to
 * disk: no size limit of a JSON call, nothing held in memory on either side. The answer names
 * the upload, to pass to the import call as `{ file: { upload } }`. Same credentials as a call.
 */
export function createHttpUpload(
  baseUrl = '',
  headers: Record<string, string> | (() => Record<string, string>) = {},
  onReach: (reach: HostReach) => void = () => {},
) {
  return async (file: Blob): Promise<Result<{ upload: string }>> => {
    let response: Response
    try {
      response = await fetch(baseUrl + httpUploadPath, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', ...(typeof headers === 'function' ? headers() : headers) },
        body: file,
        // The credential is the header the page holds; no cookie goes anywhere.
        credentials: 'omit',
      })
    } catch {
      onReach('offline')
      return fail('unavailable', 'Pathfinder is not reachable, or the file could not be read. Is the host still running?')
    }
    onReach(response.status === 401 ? 'signed-out' : 'ok')
    const body: unknown = await response.json().catch(() => undefined)
    if (!isResult(body)) return fail('unavailable', `Pathfinder answered with an unexpected response (HTTP ${response.status}).`)
    if (!body.ok) return body
    return isUpload(body.value) ? { ok: true, value: { upload: body.value.upload } } : fail('unavailable', 'Pathfinder answered the upload with an unexpected response.')
  }
}
