import { format } from 'date-fns'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../electron/core/store/backupFiles'
import { apiOf, must as ok, refused } from '../support/api'
import { sourceFixture, sourceFixturePath, startSourcesServer, type SourceAnswer, type SourceRoute } from '../support/sourcesServer'
import { snapshotStore } from '../support/storeSnapshot'
import { openTempCore } from '../support/tempCore'

const now = new Date('2026-06-30T12:00:00Z')
const local = (iso: string) => format(new Date(iso), 'yyyy-MM-dd')

let cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

async function setup() {
  const core = await openTempCore({ now: () => now })
  cleanups.push(() => core.dispose())
  return { core, api: apiOf(core) }
}

async function serve(route: SourceRoute) {
  const server = await startSourcesServer(route)
  cleanups.push(() => server.close())
  return server
}

const posts = async (api: ReturnType<typeof apiOf>) =>
  (await ok(api.activities.list({ kinds: ['blog-post'], sort: 'date-asc' }))).rows.map((r) => ({ date: r.date, title: r.title, url: r.url, repo: r.repo, source: r.source }))

describe('imports.feed', () => {
  it('imports each post of the RSS 2.0 sample as a blog post, and nothing twice', async () => {
    const { core, api } = await setup()
    const file = { path: sourceFixturePath('feeds/rss2-sample.xml') }
    expect(await ok(api.imports.feed({ file }))).toEqual({ added: 4, updated: 0, skipped: 0, errors: [] })
    expect(await posts(api)).toEqual([
      { date: local('2003-05-20T08:56:02Z'), title: "Astronauts' Dirty Laundry", url: 'http://liftoff.msfc.nasa.gov/news/2003/news-laundry.asp', repo: 'Liftoff News', source: 'feed' },
      { date: local('2003-05-27T08:37:32Z'), title: 'The Engine That Does More', url: 'http://liftoff.msfc.nasa.gov/news/2003/news-VASIMR.asp', repo: 'Liftoff News', source: 'feed' },
      // No title: its first words stand in.
      { date: local('2003-05-30T11:06:42Z'), title: 'Sky watchers in Europe, Asia, and parts of Alaska and Canada will experience a…', url: null, repo: 'Liftoff News', source: 'feed' },
      { date: local('2003-06-03T09:39:21Z'), title: 'Star City', url: 'http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp', repo: 'Liftoff News', source: 'feed' },
    ])
    const star = (await ok(api.activities.list({ search: 'Star City' }))).rows[0]
    // The description's markup is read as text.
    expect(star?.notes).toBe("How do Americans get ready to work with Russians aboard the International Space Station? They take a crash course in culture, language and protocol at Russia's Star City .")
    expect(listBackups(core.dataDir).some((b) => b.reason === 'before-import')).toBe(true)
    const before = snapshotStore(core.db)
    expect(await ok(api.imports.feed({ file }))).toEqual({ added: 0, updated: 0, skipped: 4, errors: [] })
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('imports the Atom example of RFC 4287 on its published day', async () => {
    const { api } = await setup()
    expect(await ok(api.imports.feed({ text: sourceFixture('feeds/atom-rfc4287.xml').toString('utf8') }))).toMatchObject({ added: 1 })
    expect(await posts(api)).toEqual([{ date: local('2003-12-13T12:29:29Z'), title: 'Atom draft-07 snapshot', url: 'http://example.org/2005/04/02/atom', repo: 'dive into mark', source: 'feed' }])
  })

  it('reads odd dates and leaves out, in words, posts whose date cannot be right', async () => {
    const { api } = await setup()
    const summary = await ok(api.imports.feed({ file: { path: sourceFixturePath('feeds/odd-dates.xml') } }))
    expect((await posts(api)).map((p) => [p.title, p.date])).toEqual([
      ['RFC 822 without a weekday', local('2024-02-14T09:00:00Z')],
      ['Two-digit year and a zone name', local('2024-03-04T17:00:00Z')],
      ['ISO 8601 where RFC 822 belongs', local('2024-05-20T12:30:00Z')],
      ['Only a Dublin Core date', local('2024-06-01T10:00:00Z')],
    ])
    expect(summary.added).toBe(4)
    expect(summary.errors).toEqual([{ message: '4 posts have no date that can be right (none, before 1991, or in the future) and were left out.' }])
  })

  it('keeps only text of titles and summaries with script tags, and drops javascript: links', async () => {
    const { api } = await setup()
    await ok(api.imports.feed({ file: { path: sourceFixturePath('feeds/hostile-titles.xml') } }))
    const rows = (await ok(api.activities.list({ kinds: ['blog-post'], sort: 'date-asc' }))).rows
    expect(rows.map((r) => [r.title, r.url, r.repo, r.notes])).toEqual([
      // The parser gives an XHTML title's text (the script element's too); a relative link is read against the blog's.
      ['alert(4)Virtual threads in production', 'https://evil.example/posts/virtual-threads', 'Evil blog', null],
      ['Scaling Node & Postgres', null, 'Evil blog', 'Read this'],
    ])
    for (const row of rows) expect(`${row.title}${row.notes ?? ''}${row.repo ?? ''}`).not.toMatch(/[<>]|script|onerror|javascript/i)
  })

  it('fetches a feed from its address, following a redirect, and resolves its relative links', async () => {
    const { api } = await setup()
    const server = await serve(({ path }, base): SourceAnswer => {
      if (path === '/feed') return { status: 301, headers: { location: `${base}/blog/feed.xml` } }
      if (path === '/blog/feed.xml') return { headers: { 'content-type': 'application/atom+xml' }, body: sourceFixture('feeds/hostile-titles.xml').toString('utf8').replace('javascript:alert(1)', '/posts/scaling').replace('<link href="https://evil.example/"/>', '') }
      return { status: 404 }
    })
    await ok(api.imports.feed({ url: `${server.url}/feed` }))
    expect((await posts(api)).map((p) => p.url)).toEqual([`${server.url}/posts/virtual-threads`, `${server.url}/posts/scaling`])
    expect(server.requests.every((r) => r.headers.cookie === undefined && r.headers.authorization === undefined)).toBe(true)
  })

  it.each([
    ['a file cut short', { fixture: 'feeds/truncated.xml' }, /cut short/],
    ['a JSON file', { body: '{"version":"https://jsonfeed.org/version/1.1","items":[]}' }, /JSON, not an RSS or Atom feed/],
    ['an HTML page', { body: '<!doctype html><html><head><title>Blog</title></head><body>Hi</body></html>' }, /not an RSS or Atom feed/],
    ['a 404', { status: 404, body: 'Not found' }, /There is nothing at .*\(404\)/],
  ])('refuses %s in words and changes nothing', async (_what, answer, message) => {
    const { core, api } = await setup()
    const server = await serve(() => answer)
    const before = snapshotStore(core.db)
    const error = await refused(api.imports.feed({ url: `${server.url}/feed.xml` }))
    expect(error.message).toMatch(message)
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('refuses a huge feed at its size cap, sent with or without a length', async () => {
    const { core, api } = await setup()
    const huge = Buffer.alloc(21 * 1024 * 1024, 'a')
    const framings: Record<string, string>[] = [{}, { 'transfer-encoding': 'chunked' }]
    for (const headers of framings) {
      const server = await serve(() => ({ body: huge, headers }))
      const before = snapshotStore(core.db)
      expect((await refused(api.imports.feed({ url: `${server.url}/feed.xml` }))).message).toMatch(/larger than 20 MB/)
      expect(snapshotStore(core.db)).toBe(before)
    }
    const file = join(core.dataDir, 'huge.xml')
    writeFileSync(file, huge)
    expect((await refused(api.imports.feed({ file: { path: file } }))).message).toMatch(/the most this import reads is 20 MB/)
  })

  it('refuses addresses that are not http(s), carry a password, or redirect elsewhere or in circles', async () => {
    const { api } = await setup()
    for (const url of ['file:///etc/passwd', 'ftp://example.org/feed.xml', 'javascript:alert(1)']) expect((await refused(api.imports.feed({ url }))).code).toBe('invalid-input')
    const server = await serve(({ path }, base) => (path === '/file' ? { status: 302, headers: { location: 'file:///etc/passwd' } } : { status: 302, headers: { location: `${base}/loop?${Math.random()}` } }))
    expect((await refused(api.imports.feed({ url: `${server.url.replace('http://', 'http://me:secret@')}/feed` }))).message).toMatch(/user name and password/)
    expect((await refused(api.imports.feed({ url: `${server.url}/file` }))).message).toMatch(/Only http and https/)
    expect((await refused(api.imports.feed({ url: `${server.url}/loop` }))).message).toMatch(/redirected more than 5 times/)
    expect(server.requests.filter((r) => r.path === '/loop')).toHaveLength(6)
  })

  it('is cancelled while the feed is slow to come, changing nothing', async () => {
    const { core, api } = await setup()
    const server = await serve(() => ({ hang: true }))
    const before = snapshotStore(core.db)
    const running = api.imports.feed({ url: `${server.url}/feed.xml`, importId: 'feed-slow' })
    await expect.poll(() => server.requests.length).toBe(1)
    expect(await ok(api.imports.cancel({ importId: 'feed-slow' }))).toEqual({ cancelled: true })
    expect((await refused(running)).code).toBe('cancelled')
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('imports a feed of 2,000 posts whole, with progress, and each once', async () => {
    const { api } = await setup()
    const items = Array.from({ length: 2000 }, (_, i) => `<item><title>Post ${i}</title><link>https://blog.example.dev/p/${i}</link><guid>p-${i}</guid><pubDate>${new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toUTCString()}</pubDate><description>&lt;p&gt;Body ${i}&lt;/p&gt;</description></item>`).join('')
    const text = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big blog</title><link>https://blog.example.dev/</link>${items}</channel></rss>`
    expect(await ok(api.imports.feed({ text, importId: 'feed-big' }))).toEqual({ added: 2000, updated: 0, skipped: 0, errors: [] })
    expect(await ok(api.imports.progress({ importId: 'feed-big' }))).toMatchObject({ finished: true })
    expect((await ok(api.activities.list({ kinds: ['blog-post'] }))).total).toBe(2000)
  })
})
