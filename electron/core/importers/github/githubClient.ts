import { format } from 'date-fns'
import type { z } from 'zod'
import { DomainError } from '../../ipc/domainError'
import { cancelledError } from '../importRun'
import { errorBodySchema } from './githubSchemas'
import { nextLink } from './linkHeader'
import { rateLimitWaitMs, sleep as realSleep } from './rateLimit'
import { defaultGitHubApiUrl } from '@shared/domain/githubApi'

export interface GitHubClientOptions {
  apiUrl?: string
  /** Sent as a bearer token, never written anywhere: not in messages, not in logs. */
  token?: string | undefined
  signal?: AbortSignal | undefined
  now: () => Date
  /** Longest rate-limit pause worth waiting through; longer ones are reported instead. */
  maxWaitMs?: number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  fetch?: typeof fetch
}

/** GitHub's `{ message }`, or nothing when the body is not JSON (a proxy's HTML page). */
function parseErrorBody(text: string): { message?: string | undefined } {
  try {
    return errorBodySchema.parse(JSON.parse(text))
  } catch {
    return {}
  }
}

export interface Page<T> {
  data: T
  next: string | null
}

const maxRetries = 3

/**
 * A small GitHub REST client: JSON, Link-header paging, rate limits waited out when the wait
 * is short, and failures turned into sentences. Follows `next` links only on the API's own
 * origin, so a forged Link header cannot send the token anywhere else.
 */
export function createGitHubClient(options: GitHubClientOptions) {
  const apiUrl = new URL(options.apiUrl ?? defaultGitHubApiUrl)
  const base = apiUrl.href.replace(/\/$/, '')
  const fetchImpl = options.fetch ?? fetch
  const sleep = options.sleep ?? realSleep
  const maxWaitMs = options.maxWaitMs ?? 90_000
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'Pathfinder-career-tracker',
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`

  const resolveUrl = (pathOrUrl: string): URL => {
    const url = new URL(pathOrUrl.startsWith('/') ? `${base}${pathOrUrl}` : pathOrUrl)
    if (url.origin !== apiUrl.origin) throw new DomainError('unavailable', `GitHub pointed to another server (${url.origin}); the import stopped.`)
    return url
  }

  async function send(url: URL): Promise<Response> {
    try {
      return await fetchImpl(url, { headers, ...(options.signal ? { signal: options.signal } : {}) })
    } catch (error) {
      if (options.signal?.aborted) throw cancelledError()
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error)
      throw new DomainError('unavailable', `Could not reach GitHub at ${apiUrl.host} (${cause}). Check the connection; nothing was imported.`)
    }
  }

  async function failure(response: Response): Promise<DomainError> {
    const text = await response.text().catch(() => '')
    const body = parseErrorBody(text)
    const said = body.message ? `: ${body.message}` : ''
    if (response.status === 401) {
      return new DomainError('invalid-input', 'GitHub rejected the token. Check that it is correct and has not expired; nothing was imported.', [
        { path: 'token', message: 'GitHub rejected the token' },
      ])
    }
    if (response.status === 403) return new DomainError('unavailable', `GitHub refused the request${said}. Nothing was imported.`)
    if (response.status === 404) return new DomainError('not-found', `GitHub has no such resource${said}.`)
    if (response.status === 422) return new DomainError('invalid-input', `GitHub could not run the search${said}.`)
    return new DomainError('unavailable', `GitHub answered ${response.status}${said}. Nothing was imported; try again later.`)
  }

  async function get<S extends z.ZodType>(pathOrUrl: string, schema: S): Promise<Page<z.output<S>>> {
    const url = resolveUrl(pathOrUrl)
    for (let attempt = 0; ; attempt++) {
      const response = await send(url)
      if (response.ok) {
        let json: unknown
        try {
          json = await response.json()
        } catch {
          if (options.signal?.aborted) throw cancelledError()
          throw new DomainError('unavailable', 'GitHub sent an answer that is not JSON. Nothing was imported.')
        }
        const parsed = schema.safeParse(json)
        if (!parsed.success) throw new DomainError('unavailable', 'GitHub sent an answer in a shape this app does not know. Nothing was imported.')
        return { data: parsed.data, next: nextLink(response.headers.get('link')) }
      }
      const wait = rateLimitWaitMs(response.status, response.headers, options.now())
      if (wait === null) throw await failure(response)
      await response.body?.cancel()
      if (wait > maxWaitMs || attempt >= maxRetries) {
        const until = format(new Date(options.now().getTime() + wait), 'HH:mm')
        const hint = options.token ? '' : ' A personal access token raises the limit.'
        throw new DomainError('unavailable', `GitHub's rate limit is used up until about ${until}. Nothing was imported; try again then.${hint}`)
      }
      try {
        await sleep(wait, options.signal)
      } catch {
        throw cancelledError()
      }
    }
  }

  /** Every page, following Link rel="next", up to `maxPages`. */
  async function* pages<S extends z.ZodType>(path: string, schema: S, maxPages = 50): AsyncGenerator<z.output<S>> {
    let next: string | null = path
    for (let n = 0; next !== null && n < maxPages; n++) {
      const page: Page<z.output<S>> = await get(next, schema)
      yield page.data
      next = page.next
    }
  }

  return { get, pages }
}

export type GitHubClient = ReturnType<typeof createGitHubClient>
