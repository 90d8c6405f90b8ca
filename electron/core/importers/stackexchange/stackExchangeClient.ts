import { format } from 'date-fns'
import type { z } from 'zod'
import { defaultStackExchangeApiUrl } from '@shared/domain/sourceImports'
import { DomainError } from '../../ipc/domainError'
import { sleep as realSleep } from '../forge/forgeRateLimit'
import { cancelledError } from '../importRun'
import { fetchLimited } from '../fetch/fetchLimited'
import { wrapperSchema, type Wrapper } from './stackExchangeSchemas'

export interface StackExchangeClientOptions {
  apiUrl?: string | undefined
  /** A Stack Apps key: not a secret (apps ship it), it raises the daily quota from 300 to 10,000. */
  key?: string | undefined
  signal?: AbortSignal | undefined
  now: () => Date
  /** Longest wait (backoff or a 429) worth sitting through; a longer one ends the import, in words. */
  maxWaitMs?: number
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  fetch?: typeof fetch
}

/** An answer of the API: its items as the schema reads them, and whether there are more. */
export interface SePage<T> {
  items: T[]
  hasMore: boolean
  quotaRemaining: number | null
}

const said = (body: Wrapper): string => (body.error_message ? `: ${body.error_message.slice(0, 300)}` : '')

/**
 * Stack Exchange's public API, read-only and without a token. It honours `backoff` (waits that
 * many seconds before the next call of the same method, as the API requires), stops before the
 * day's quota is gone, and turns error_id answers into sentences.
 */
export function createStackExchangeClient(options: StackExchangeClientOptions) {
  const base = (options.apiUrl ?? defaultStackExchangeApiUrl).replace(/\/$/, '')
  const sleep = options.sleep ?? realSleep
  const maxWaitMs = options.maxWaitMs ?? 60_000
  const host = new URL(base).host
  /** The wait each method's last answer asked for (`backoff`), owed before its next call. */
  const owed = new Map<string, number>()

  const wait = async (ms: number) => {
    try {
      await sleep(ms, options.signal)
    } catch {
      throw cancelledError()
    }
  }

  const failure = (status: number, body: Wrapper): DomainError => {
    const id = body.error_id
    if (id === 502 || body.error_name === 'throttle_violation') {
      const seconds = /(\d+)\s*seconds/.exec(body.error_message ?? '')?.[1]
      const until = seconds ? ` until about ${format(new Date(options.now().getTime() + Number(seconds) * 1000), 'yyyy-MM-dd HH:mm')}` : ''
      return new DomainError('unavailable', `Stack Exchange is limiting requests from this computer${until}${said(body)}. Nothing was imported; try again then.`)
    }
    if (id === 400 && /\bkey\b/i.test(body.error_message ?? '')) return new DomainError('invalid-input', `Stack Exchange refused the key${said(body)}. Leave the key out or check it; nothing was imported.`, [{ path: 'key', message: 'Stack Exchange refused this key' }])
    if (id === 400 && /\bsite\b/i.test(body.error_message ?? '')) return new DomainError('invalid-input', `Stack Exchange has no such site${said(body)}. Nothing was imported.`, [{ path: 'site', message: 'No Stack Exchange site by this name' }])
    if (id === 400) return new DomainError('invalid-input', `Stack Exchange refused the request${said(body)}. Nothing was imported.`)
    if (id === 404) return new DomainError('not-found', `Stack Exchange has no such method${said(body)}. Nothing was imported.`)
    if (id !== undefined && id >= 401 && id <= 406) return new DomainError('unavailable', `Stack Exchange refused the request (${body.error_name ?? id})${said(body)}. Nothing was imported.`)
    if (id === 503 || status === 503) return new DomainError('unavailable', `Stack Exchange is temporarily unavailable${said(body)}. Nothing was imported; try again later.`)
    return new DomainError('unavailable', `Stack Exchange answered ${status}${said(body)}. Nothing was imported; try again later.`)
  }

  /** One call of `method` (a path like /users/1/answers) with its query, its items read by `itemSchema`. */
  async function get<S extends z.ZodType>(method: string, query: Record<string, string>, itemSchema: S, methodName = method): Promise<SePage<z.output<S>>> {
    const params = new URLSearchParams(query)
    if (options.key) params.set('key', options.key)
    const url = new URL(`${base}${method}?${params.toString()}`)
    for (let attempt = 0; ; attempt++) {
      const due = owed.get(methodName)
      if (due !== undefined) {
        await wait(due)
        owed.delete(methodName)
      }
      const answer = await fetchLimited(url, { what: 'Stack Exchange', accept: 'application/json', signal: options.signal, limits: { maxBytes: 10 * 1024 * 1024 }, ...(options.fetch ? { fetch: options.fetch } : {}) })
      if (answer.status === 429 && attempt < 3) {
        const retry = Number(answer.headers.get('retry-after') ?? '60')
        const ms = (Number.isFinite(retry) && retry >= 0 ? retry : 60) * 1000
        if (ms > maxWaitMs) throw new DomainError('unavailable', `Stack Exchange asked to wait ${Math.round(ms / 1000)} seconds before the next request. Nothing was imported; try again later.`)
        await wait(ms)
        continue
      }
      let json: unknown
      try {
        json = JSON.parse(answer.bytes.toString('utf8'))
      } catch {
        throw new DomainError('unavailable', `Stack Exchange (${host}) sent an answer that is not JSON (${answer.status}). Nothing was imported; try again later.`)
      }
      const body = wrapperSchema.safeParse(json)
      if (!body.success) throw new DomainError('unavailable', 'Stack Exchange sent an answer in a shape this app does not know. Nothing was imported.')
      if (answer.status < 200 || answer.status >= 300 || body.data.error_id !== undefined) throw failure(answer.status, body.data)
      if (body.data.backoff !== undefined && body.data.backoff > 0) {
        const ms = body.data.backoff * 1000
        if (ms > maxWaitMs) throw new DomainError('unavailable', `Stack Exchange asked to wait ${Math.round(body.data.backoff)} seconds before the next request. Nothing was imported; try again later.`)
        owed.set(methodName, ms)
      }
      const items: z.output<S>[] = []
      for (const item of body.data.items ?? []) {
        const parsed = itemSchema.safeParse(item)
        if (!parsed.success) throw new DomainError('unavailable', 'Stack Exchange sent an answer in a shape this app does not know. Nothing was imported.')
        items.push(parsed.data)
      }
      return { items, hasMore: body.data.has_more === true, quotaRemaining: body.data.quota_remaining ?? null }
    }
  }

  return { get }
}

export type StackExchangeClient = ReturnType<typeof createStackExchangeClient>
