import { fail, type Invoke, type Result } from '@shared/contract'
import { httpApiPrefix, httpUploadPath } from '@shared/contract/transport'

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean'

/** How the last call found the web host: answering, not there, or refusing this tab's token. */
export type HostReach = 'ok' | 'offline' | 'signed-out'

type Headers = Record<string, string> | (() => Record<string, string>)

/**
 * One request to the web host, answered as a Result whatever happens. The token goes as a
 * header (read afresh each time, so a tab given a new address uses it); no cookie is sent or
 * kept. Network trouble becomes a Result too, so callers handle one shape, and every answer
 * tells onReach whether the host is there and takes this tab's token.
 */
async function post(url: string, contentType: string, body: string | Blob, headers: Headers, onReach: (reach: HostReach) => void, unreachable: string): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': contentType, ...(typeof headers === 'function' ? headers() : headers) },
      body,
      credentials: 'omit',
    })
  } catch {
    onReach('offline')
    return fail('unavailable', unreachable)
  }
  onReach(response.status === 401 ? 'signed-out' : 'ok')
  const answer: unknown = await response.json().catch(() => undefined)
  return isResult(answer) ? answer : fail('unavailable', `Pathfinder answered with an unexpected response (HTTP ${response.status}).`)
}

/** The browser transport: the web host answers every call with a Result. */
export function createHttpInvoke(baseUrl = '', headers: Headers = {}, onReach: (reach: HostReach) => void = () => {}): Invoke {
  return (channel, input) =>
    post(baseUrl + httpApiPrefix + channel, 'application/json', input === undefined ? '' : JSON.stringify(input), headers, onReach, 'Pathfinder is not reachable. Is the host still running?')
}

const isUpload = (value: unknown): value is { upload: string } => typeof value === 'object' && value !== null && 'upload' in value && typeof value.upload === 'string'

/**
 * Sends a file to import to the web host as the raw request body, which the host streams to
 * disk: no size limit of a JSON call, nothing held in memory on either side. The answer names
 * the upload, to pass to the import call as `{ file: { upload } }`. Same credentials as a call.
 */
export function createHttpUpload(baseUrl = '', headers: Headers = {}, onReach: (reach: HostReach) => void = () => {}) {
  return async (file: Blob): Promise<Result<{ upload: string }>> => {
    const answer = await post(baseUrl + httpUploadPath, 'application/octet-stream', file, headers, onReach, 'Pathfinder is not reachable, or the file could not be read. Is the host still running?')
    if (!answer.ok) return answer
    return isUpload(answer.value) ? { ok: true, value: { upload: answer.value.upload } } : fail('unavailable', 'Pathfinder answered the upload with an unexpected response.')
  }
}
