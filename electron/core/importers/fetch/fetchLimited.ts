import { DomainError } from '../../ipc/domainError'
import { cancelledError } from '../importRun'

/**
 * How far a fetch of an address someone typed (or a file named) may go. The server at the other
 * end may be hostile: it may answer forever, send gigabytes, or redirect in circles or to a
 * `file:` address.
 */
export interface FetchLimits {
  maxBytes: number
  /** For the whole exchange, redirects and body included. */
  timeoutMs: number
  maxRedirects: number
}

export const defaultFetchLimits: FetchLimits = { maxBytes: 20 * 1024 * 1024, timeoutMs: 30_000, maxRedirects: 5 }

export interface FetchedDocument {
  status: number
  headers: Headers
  bytes: Buffer
  /** Where the answer came from, after redirects. */
  url: URL
}

export interface FetchOptions {
  /** Named in messages: "the feed", "Stack Exchange". */
  what: string
  accept?: string
  signal?: AbortSignal | undefined
  limits?: Partial<FetchLimits>
  fetch?: typeof fetch
}

const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

/** An http(s) address without a user name or password in it, or a refusal in words. */
export function webAddress(text: string, what: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new DomainError('invalid-input', `${text.slice(0, 200)} is not a web address. Nothing was imported.`, [{ path: 'url', message: 'Give an address starting with https://' }])
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DomainError('invalid-input', `Only http and https addresses are read for ${what}; ${url.protocol} is not. Nothing was imported.`, [{ path: 'url', message: 'Give an address starting with https://' }])
  }
  // A password in an address would travel to every server a redirect names; none is ever sent.
  if (url.username !== '' || url.password !== '') {
    throw new DomainError('invalid-input', `Take the user name and password out of the address of ${what}: none is ever sent. Nothing was imported.`, [{ path: 'url', message: 'No user name or password in the address' }])
  }
  url.hash = ''
  return url
}

async function readCapped(response: Response, limits: FetchLimits, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN)
  const tooLarge = () => new DomainError('invalid-input', `${what} is larger than ${megabytes(limits.maxBytes)}, more than this import reads. Nothing was imported.`)
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => {})
    throw tooLarge()
  }
  if (!response.body) return Buffer.alloc(0)
  const chunks: Buffer[] = []
  let size = 0
  const reader = response.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limits.maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(Buffer.from(value))
  }
  return Buffer.concat(chunks)
}

/**
 * GET of a web address with no credentials of any kind (no cookies, no Authorization, no user
 * info), redirects followed by hand so each hop is checked (http(s) only, at most a few), the
 * body read up to a cap and the whole exchange bounded in time. Answers any status: the caller
 * decides what a 404 means. Throws, in words, for what never became an answer.
 */
export async function fetchLimited(address: string | URL, options: FetchOptions): Promise<FetchedDocument> {
  const limits = { ...defaultFetchLimits, ...options.limits }
  const fetchImpl = options.fetch ?? fetch
  const timeout = AbortSignal.timeout(limits.timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  let url = typeof address === 'string' ? webAddress(address, options.what) : address
  const failed = (error: unknown): DomainError => {
    if (options.signal?.aborted) return cancelledError()
    if (timeout.aborted) return new DomainError('unavailable', `${url.host} did not answer within ${limits.timeoutMs < 1000 ? `${limits.timeoutMs} ms` : `${Math.round(limits.timeoutMs / 1000)} seconds`}. Nothing was imported; try again later.`)
    if (error instanceof DomainError) return error
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error)
    return new DomainError('unavailable', `Could not reach ${url.host} (${cause}). Check the address and the connection; nothing was imported.`)
  }
  try {
    for (let hops = 0; ; hops++) {
      const response = await fetchImpl(url, {
        redirect: 'manual',
        credentials: 'omit',
        headers: { accept: options.accept ?? '*/*', 'user-agent': 'Pathfinder-career-tracker' },
        signal,
      })
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel().catch(() => {})
        if (hops >= limits.maxRedirects) throw new DomainError('unavailable', `${url.host} redirected more than ${limits.maxRedirects} times; the import stopped. Nothing was imported.`)
        let next: URL
        try {
          next = new URL(location, url)
        } catch {
          throw new DomainError('unavailable', `${url.host} redirected to something that is not an address. Nothing was imported.`)
        }
        url = webAddress(next.href, options.what)
        continue
      }
      return { status: response.status, headers: response.headers, bytes: await readCapped(response, limits, options.what), url }
    }
  } catch (error) {
    throw failed(error)
  }
}

/** fetchLimited for a document that must be there: any status but 2xx is a refusal in words. */
export async function fetchDocument(address: string | URL, options: FetchOptions): Promise<FetchedDocument> {
  const answer = await fetchLimited(address, options)
  if (answer.status >= 200 && answer.status < 300) return answer
  if (answer.status === 404 || answer.status === 410) throw new DomainError('not-found', `There is nothing at ${answer.url.href.slice(0, 300)} (${answer.status}). Nothing was imported.`)
  if (answer.status === 401 || answer.status === 403) throw new DomainError('unavailable', `${answer.url.host} refused to give ${options.what} (${answer.status}); only public addresses can be read. Nothing was imported.`)
  throw new DomainError('unavailable', `${answer.url.host} answered ${answer.status} for ${options.what}. Nothing was imported; try again later.`)
}
