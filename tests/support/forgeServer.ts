import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { repoRoot } from './tempCore'

/** A recorded answer in tests/fixtures/<forge>/. */
export const forgeFixture = (forge: string, name: string): string => readFileSync(join(repoRoot, 'tests', 'fixtures', forge, name), 'utf8')

export interface ForgeRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

export interface ForgeAnswer {
  status?: number
  headers?: Record<string, string>
  /** A file in tests/fixtures/<forge>. */
  fixture?: string
  /** A JSON answer built on the fly, when no fixture is named. */
  body?: unknown
  /** Raw text as it is (a malformed answer, a proxy's page). */
  text?: string
  /** Held until this settles: a slow answer, released by the test, never by a timer. */
  hold?: Promise<unknown>
}

export type ForgeRoute = (request: ForgeRequest, base: string) => ForgeAnswer

/**
 * A forge's API on 127.0.0.1 at a free port, answering from recorded fixtures and keeping every
 * request it got (headers included, to check where a token went). `base` is the server's
 * address with the API's path prefix, as a client is given it.
 */
export async function startForgeServer(forge: string, initial: ForgeRoute, options: { prefix?: string; headers?: Record<string, string>; notFound?: unknown } = {}) {
  let route = initial
  const requests: ForgeRequest[] = []
  const prefix = options.prefix ?? ''
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : url.pathname
      const request = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(request)
      const answer = route(request, apiUrl)
      const found = answer.fixture !== undefined || answer.body !== undefined || answer.text !== undefined
      const body = answer.fixture ? forgeFixture(forge, answer.fixture) : answer.text !== undefined ? answer.text : found ? JSON.stringify(answer.body) : JSON.stringify(options.notFound ?? { message: '404 Not found' })
      const send = () => {
        if (res.destroyed) return
        res.writeHead(answer.status ?? (found ? 200 : 404), { 'content-type': 'application/json; charset=utf-8', ...options.headers, ...answer.headers })
        res.end(body)
      }
      if (answer.hold) void answer.hold.then(send, send)
      else send()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error(`The fake ${forge} server has no TCP port`)
  const origin = `http://127.0.0.1:${address.port}`
  const apiUrl = `${origin}${prefix}`
  return {
    origin,
    url: apiUrl,
    requests,
    setRoute(next: ForgeRoute) {
      route = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type ForgeServer = Awaited<ReturnType<typeof startForgeServer>>

/** A promise and the function that settles it: what holds a slow answer until the test lets it go. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {}
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open }
}
