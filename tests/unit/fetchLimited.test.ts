import { afterEach, describe, expect, it } from 'vitest'
import { fetchDocument, fetchLimited, webAddress } from '../../electron/core/importers/fetch/fetchLimited'
import { DomainError } from '../../electron/core/ipc/domainError'
import { startSourcesServer, type SourceRoute } from '../support/sourcesServer'

let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

async function serve(route: SourceRoute) {
  const server = await startSourcesServer(route)
  cleanups.push(() => server.close())
  return server
}

const refusal = async (promise: Promise<unknown>): Promise<DomainError> => {
  try {
    await promise
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('It was not refused')
}

describe('fetching an address someone gave', () => {
  it('gives up on a server that never answers, at the time limit, in words', async () => {
    const server = await serve(() => ({ hang: true }))
    const error = await refusal(fetchLimited(`${server.url}/slow`, { what: 'the feed', limits: { timeoutMs: 300 } }))
    expect(error.code).toBe('unavailable')
    expect(error.message).toMatch(/^127\.0\.0\.1:\d+ did not answer within 300 ms\. Nothing was imported/)
  })

  it('follows a relative redirect, counts hops, and keeps no credentials', async () => {
    const server = await serve(({ path }) => (path === '/a' ? { status: 307, headers: { location: '/b', 'set-cookie': 'session=1' } } : { body: 'done' }))
    const answer = await fetchDocument(`${server.url}/a`, { what: 'the feed' })
    expect(answer.bytes.toString()).toBe('done')
    expect(answer.url.pathname).toBe('/b')
    // The cookie the first answer set is not sent back.
    expect(server.requests[1]?.headers.cookie).toBeUndefined()
    expect(server.requests[1]?.headers.authorization).toBeUndefined()
  })

  it('reads a gzipped body up to the cap after decompression', async () => {
    const server = await serve(() => ({ body: Buffer.alloc(2 * 1024 * 1024, 'a'), gzip: true }))
    expect((await refusal(fetchLimited(`${server.url}/bomb`, { what: 'the feed', limits: { maxBytes: 1024 * 1024 } }))).message).toMatch(/larger than 1 MB/)
  })

  it('refuses what is not an http(s) address without a password', () => {
    expect(() => webAddress('file:///etc/passwd', 'the feed')).toThrow(/Only http and https/)
    expect(() => webAddress('https://me:pw@example.org/feed', 'the feed')).toThrow(/user name and password/)
    expect(() => webAddress('not an address', 'the feed')).toThrow(/is not a web address/)
    expect(webAddress('https://example.org/feed#top', 'the feed').href).toBe('https://example.org/feed')
  })
})
