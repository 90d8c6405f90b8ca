import { format } from 'date-fns'
import { z } from 'zod'
import { DomainError } from '../../ipc/domainError'
import { cancelledError } from '../importRun'
import { rateLimitWaitMs, sleep as realSleep } from './forgeRateLimit'

export interface ForgeClientOptions {
  /** The forge's name as people know it ("GitLab"), for messages. */
  forge: string
  /** The API root; every request, page link and redirect must stay on its origin. */
  apiUrl: string
  /** Sent with every request (the token's header), never written anywhere: not in messages, not in logs. */
  authorization?: string | undefined
  /** Extra headers the forge wants (an Accept, an API version). */
  headers?: Record<string, string>
  signal?: AbortSignal | undefined
  now: () => Date
  /** Longest rate-limit pause worth waiting through; longer ones are reported instead. */
  maxWaitMs?: number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  fetch?: typeof fetch
  /** The largest answer read; a bigger one stops the import (a hostile or broken server). */
  maxBodyBytes?: number
  /** Said after a rate limit without a token: how to get a higher one. */
  tokenHint?: string
  /** A forge's own sentence for a failing status, when it has a better one than the common ones. */
  explain?: (status: number, said: string) => DomainError | undefined
}

export interface ForgeAnswer<T> {
  data: T
  headers: Headers
  /** The address that answered (after same-origin redirects), for resolving relative links. */
  url: URL
}

/** What forges put in an error body: `{ message }` (GitHub, GitLab, Gitea), `{ error: { message } }` (Bitbucket Cloud), `{ errors: [{ message }] }` (Bitbucket Data Center). */
const errorBody = z
  .object({
    message: z.unknown().optional(),
    error: z.object({ message: z.string().optional() }).partial().optional().catch(undefined),
    errors: z.array(z.object({ message: z.string().optional() }).catch({})).optional().catch(undefined),
  })
  .catch({})

function errorMessage(text: string): string | undefined {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // A proxy's HTML page: nothing worth repeating.
    return undefined
  }
  const body = errorBody.parse(json)
  const said = typeof body.message === 'string' ? body.message : (body.error?.message ?? body.errors?.find((e) => e.message)?.message)
  // Capped: a hostile server's essay does not belong in a message.
  return said?.slice(0, 200)
}

const maxRetries = 3
const maxRedirects = 5
/** A page of 100 merge requests is about 300 KB; a hundred times that is no forge's page. */
const defaultMaxBodyBytes = 32 * 2 ** 20

/** The body as text, or null once it passes `max` bytes (read no further). */
async function readCapped(response: Response, max: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? '')
  if (declared > max) {
    await response.body?.cancel()
    return null
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let size = 0
  let text = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text + decoder.decode()
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      return null
    }
    text += decoder.decode(value, { stream: true })
  }
}

/**
 * The HTTP every forge import shares: JSON answers checked against a schema, the token sent
 * only to the API's own origin (a page link or a redirect elsewhere stops the import instead
 * of carrying the token along), rate limits waited out when the wait is short, a cancel
 * honoured mid-request, and every failure turned into a sentence that never holds the token.
 */
export function createForgeClient(options: ForgeClientOptions) {
  const { forge } = options
  const apiUrl = new URL(options.apiUrl)
  const base = apiUrl.href.replace(/\/$/, '')
  const fetchImpl = options.fetch ?? fetch
  const sleep = options.sleep ?? realSleep
  const maxWaitMs = options.maxWaitMs ?? 90_000
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'Pathfinder-career-tracker', ...options.headers }
  if (options.authorization) headers.authorization = options.authorization

  const sameOrigin = (url: URL): URL => {
    if (url.origin !== apiUrl.origin) throw new DomainError('unavailable', `${forge} pointed to another server (${url.origin}); the import stopped.`)
    return url
  }
  const resolve = (pathOrUrl: string): URL => sameOrigin(new URL(pathOrUrl.startsWith('/') ? `${base}${pathOrUrl}` : pathOrUrl))

  async function send(url: URL, init: { method: string; body?: string }): Promise<Response> {
    try {
      // Redirects are followed here, not by fetch, so none can take the token to another origin.
      return await fetchImpl(url, { ...init, headers: init.body === undefined ? headers : { ...headers, 'content-type': 'application/json' }, redirect: 'manual', ...(options.signal ? { signal: options.signal } : {}) })
    } catch (error) {
      if (options.signal?.aborted) throw cancelledError()
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error)
      throw new DomainError('unavailable', `Could not reach ${forge} at ${apiUrl.host} (${cause}). Check the connection; nothing was imported.`)
    }
  }

  async function failure(response: Response): Promise<DomainError> {
    // An error page is read only so far: its message is all that is wanted from it.
    const said = errorMessage((await readCapped(response, 64 * 1024).catch(() => null)) ?? '')
    const suffix = said ? `: ${said}` : ''
    const own = options.explain?.(response.status, suffix)
    if (own) return own
    if (response.status === 401) {
      return new DomainError('invalid-input', `${forge} rejected the token. Check that it is correct and has not expired; nothing was imported.`, [
        { path: 'token', message: `${forge} rejected the token` },
      ])
    }
    if (response.status === 403) return new DomainError('unavailable', `${forge} refused the request${suffix}. Check the token's access; nothing was imported.`)
    if (response.status === 404) return new DomainError('not-found', `${forge} has no such user, workspace or address${suffix}. Nothing was imported.`)
    return new DomainError('unavailable', `${forge} answered ${response.status}${suffix}. Nothing was imported; try again later.`)
  }

  async function request<S extends z.ZodType>(pathOrUrl: string, schema: S, init: { method: string; body?: string } = { method: 'GET' }): Promise<ForgeAnswer<z.output<S>>> {
    let url = resolve(pathOrUrl)
    let redirects = 0
    for (let attempt = 0; ; ) {
      const response = await send(url, init)
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel()
        const location = response.headers.get('location')
        if (location === null || ++redirects > maxRedirects) throw new DomainError('unavailable', `${forge} answered ${response.status} without a usable address. Nothing was imported.`)
        url = sameOrigin(new URL(location, url))
        continue
      }
      if (response.ok) {
        let json: unknown
        try {
          const text = await readCapped(response, options.maxBodyBytes ?? defaultMaxBodyBytes)
          if (text === null) throw new DomainError('unavailable', `${forge} sent an answer too large to be a page of results. Nothing was imported.`)
          json = JSON.parse(text)
        } catch (error) {
          if (options.signal?.aborted) throw cancelledError()
          if (error instanceof DomainError) throw error
          throw new DomainError('unavailable', `${forge} sent an answer that is not JSON. Nothing was imported.`)
        }
        const parsed = schema.safeParse(json)
        if (!parsed.success) throw new DomainError('unavailable', `${forge} sent an answer in a shape this app does not know. Nothing was imported.`)
        return { data: parsed.data, headers: response.headers, url }
      }
      const wait = rateLimitWaitMs(response.status, response.headers, options.now())
      if (wait === null) throw await failure(response)
      await response.body?.cancel()
      if (wait > maxWaitMs || attempt >= maxRetries) {
        const until = format(new Date(options.now().getTime() + wait), 'HH:mm')
        const hint = options.authorization ? '' : ` ${options.tokenHint ?? 'A token raises the limit.'}`
        throw new DomainError('unavailable', `${forge}'s rate limit is used up until about ${until}. Nothing was imported; try again then.${hint}`)
      }
      attempt += 1
      try {
        await sleep(wait, options.signal)
      } catch {
        throw cancelledError()
      }
    }
  }

  const get = <S extends z.ZodType>(pathOrUrl: string, schema: S) => request(pathOrUrl, schema)
  const post = <S extends z.ZodType>(path: string, body: unknown, schema: S) => request(path, schema, { method: 'POST', body: JSON.stringify(body) })

  /**
   * Every page from `first`, each next one named by `next` (a forge's own paging: a header, a
   * body field), up to `maxPages` so a server that never stops cannot keep the import running.
   */
  async function* pages<S extends z.ZodType>(first: string, schema: S, next: (answer: ForgeAnswer<z.output<S>>) => string | null, maxPages = 500): AsyncGenerator<ForgeAnswer<z.output<S>>> {
    let address: string | null = first
    for (let n = 0; address !== null && n < maxPages; n++) {
      const answer: ForgeAnswer<z.output<S>> = await get(address, schema)
      yield answer
      address = next(answer)
    }
  }

  return { get, post, pages, resolve }
}

export type ForgeClient = ReturnType<typeof createForgeClient>
