import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxRequestBytes } from '@shared/contract/transport'
import { openTempCore } from '../support/tempCore'
import { startWebHost, type WebHost } from '../../electron/web/server'
import { parseWebHostArgs } from '../../electron/web/args'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw request, so Host and Origin can be anything an attacker's page could send. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('the web host refuses what it must', () => {
  let core: Awaited<ReturnType<typeof openTempCore>>
  let host: WebHost
  let auth: Record<string, string>
  const api = (headers: Record<string, string> = {}, body = '') =>
    send(host.port, { method: 'POST', path: '/api/roadmap.get', headers: { Host: `127.0.0.1:${host.port}`, ...auth, ...headers }, body })

  beforeAll(async () => {
    core = await openTempCore()
    host = await startWebHost({ dispatcher: core, rendererDir: '/nonexistent' })
    auth = { Authorization: `Bearer ${host.token}` }
  })
  afterAll(async () => {
    await host.close()
    core.dispose()
  })

  it('listens on loopback only, with a long random token', () => {
    const address = host.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
    expect(host.token.length).toBeGreaterThanOrEqual(32)
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`)
  })

  it('answers a call that carries the token', async () => {
    const reply = await api()
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true })
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await api({ Authorization: '' })).status).toBe(401)
    expect((await api({ Authorization: `Bearer ${host.token.slice(0, -1)}x` })).status).toBe(401)
    expect((await send(host.port, { path: '/', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(401)
  })

  it('trades the token in the URL for an HttpOnly, SameSite cookie that then works', async () => {
    const reply = await send(host.port, { path: `/?token=${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } })
    expect(reply.status).toBe(303)
    const cookie = String(reply.headers['set-cookie'])
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const session = cookie.split(';')[0] ?? ''
    expect((await api({ Authorization: '', Cookie: session })).status).toBe(200)
  })

  it('refuses a rebinding Host and a cross-site Origin', async () => {
    expect((await api({ Host: `evil.example:${host.port}` })).status).toBe(403)
    expect((await api({ Origin: 'http://evil.example' })).status).toBe(403)
    expect((await api({ Origin: `https://127.0.0.1:${host.port}` })).status).toBe(403)
    expect((await api({ Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200)
  })

  it('caps request bodies', async () => {
    const reply = await api({ 'Content-Type': 'application/json' }, 'x'.repeat(maxRequestBytes + 1))
    expect(reply.status).toBe(413)
  })

  it('answers malformed JSON and wrong methods in words', async () => {
    const bad = await api({}, '{"itemId": ')
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The request was not valid JSON.' } })
    const get = await send(host.port, { path: '/api/roadmap.get', headers: { Host: `127.0.0.1:${host.port}`, ...auth } })
    expect(get.status).toBe(405)
    const unknown = await send(host.port, { method: 'POST', path: '/api/__proto__', headers: { Host: `127.0.0.1:${host.port}`, ...auth } })
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })

  it('parses its flags and rejects a bad port', () => {
    expect(parseWebHostArgs(['--port', '8080', '--data-dir', '/tmp/x', '--open'])).toEqual({ port: 8080, dataDir: '/tmp/x', open: true, recovery: null })
    expect(() => parseWebHostArgs(['--port', '70000'])).toThrow(/Port must be 0-65535/)
    expect(() => parseWebHostArgs(['--bogus'])).toThrow()
    expect(parseWebHostArgs(['--restore-newest-backup']).recovery).toBe('restore')
    expect(() => parseWebHostArgs(['--restore-newest-backup', '--start-fresh'])).toThrow(/Choose one/)
  })
})
