import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { z } from 'zod'
import { repoRoot } from './tempCore'

const fixturesDir = join(repoRoot, 'tests', 'fixtures', 'sources')
/** A file of tests/fixtures/sources, as bytes. */
export const sourceFixture = (name: string): Buffer => readFileSync(join(fixturesDir, name))
/** A JSON fixture as an object, to answer a variation of it. */
export const sourceFixtureObject = (name: string): Record<string, unknown> => z.record(z.string(), z.unknown()).parse(JSON.parse(sourceFixture(name).toString('utf8')))
export const sourceFixturePath = (name: string): string => join(fixturesDir, name)

export interface SourceRequest {
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
}

export interface SourceAnswer {
  status?: number
  headers?: Record<string, string>
  /** A file in tests/fixtures/sources. */
  fixture?: string
  body?: string | Buffer
  /** Gzip the body, as Stack Exchange does every answer. */
  gzip?: boolean
  /** Never answer: the request waits until the client gives up (a cancel, a timeout). */
  hang?: boolean
}

export type SourceRoute = (request: SourceRequest, base: string) => SourceAnswer

/**
 * A stand-in for the web services the source importers read (Stack Exchange's API, a blog, a
 * badge host, a calendar), on 127.0.0.1 at a free port, serving recorded answers and keeping
 * every request it got.
 */
export async function startSourcesServer(initial: SourceRoute) {
  let route = initial
  const requests: SourceRequest[] = []
  const hanging = new Set<ServerResponse>()
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const request = { path: url.pathname, query: url.searchParams, headers: req.headers }
    requests.push(request)
    const answer = route(request, base)
    if (answer.hang) {
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }
    const raw = answer.fixture ? sourceFixture(answer.fixture) : (answer.body ?? '')
    const body = answer.gzip ? gzipSync(raw) : raw
    res.writeHead(answer.status ?? 200, {
      'content-type': 'application/json; charset=utf-8',
      ...(answer.gzip ? { 'content-encoding': 'gzip' } : {}),
      ...answer.headers,
    })
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The sources server has no TCP port')
  const base = `http://127.0.0.1:${address.port}`
  return {
    url: base,
    requests,
    setRoute(next: SourceRoute) {
      route = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Stack Exchange's API for user 4242 on stackoverflow.com: a filter, then two pages of answers. */
export function recordedStackExchange(options: { firstPage?: string; backoff?: boolean } = {}): SourceRoute {
  return ({ path, query }) => {
    if (path === '/2.3/filters/create') return { fixture: 'stackexchange/filter-create.json', gzip: true }
    if (path === '/2.3/users/4242/answers') {
      if (query.get('page') === '2') return { fixture: 'stackexchange/answers-page2.json', gzip: true }
      const first = options.firstPage ?? 'stackexchange/answers-page1.json'
      if (options.backoff !== false) return { fixture: first, gzip: true }
      // The recorded page asks for a 2-second backoff; tests through the core (real clock) go without.
      const { backoff: _dropped, ...rest } = sourceFixtureObject(first)
      return { body: JSON.stringify(rest), gzip: true }
    }
    return { status: 400, body: JSON.stringify({ error_id: 404, error_message: 'no method found with this name', error_name: 'no_method' }), gzip: true }
  }
}
