import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maxRequestBytes } from '@shared/contract/transport'
import { openTempCore } from '../support/tempCore'
import { maxOpenConnections, startWebHost, type WebHost } from '../../electron/web/server'
import { parseWebHostArgs } from '../../electron/web/args'
import { loadOrCreateToken, tokenFileName } from '../../electron/web/tokenFile'

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
  let rendererDir: string
  const api = (headers: Record<string, string> = {}, body = '') =>
    send(host.port, { method: 'POST', path: '/api/roadmap.get', headers: { Host: `127.0.0.1:${host.port}`, ...auth, ...headers }, body })

  beforeAll(async () => {
    core = await openTempCore()
    rendererDir = mkdtempSync(join(tmpdir(), 'pathfinder-renderer-'))
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pathfinder</title>')
    host = await startWebHost({ dispatcher: core, rendererDir })
    auth = { Authorization: `Bearer ${host.token}` }
  })
  afterAll(async () => {
    await host.close()
    core.dispose()
    rmSync(rendererDir, { recursive: true, force: true })
  })

  it('listens on loopback only, with a long random token', () => {
    const address = host.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
    expect(host.token.length).toBeGreaterThanOrEqual(32)
    // In the fragment: a browser sends that to no server, and never to another port.
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`)
  })

  it('answers a call that carries the token', async () => {
    const reply = await api()
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true })
    expect(reply.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await api({ Authorization: '' })).status).toBe(401)
    expect((await api({ Authorization: `Bearer ${host.token.slice(0, -1)}${host.token.endsWith('x') ? 'y' : 'x'}` })).status).toBe(401)
  })

  it('never takes the token from a cookie, which a browser also sends to every other port of 127.0.0.1', async () => {
    expect((await api({ Authorization: '', Cookie: `pathfinder_session=${host.token}` })).status).toBe(401)
    expect((await api({ Authorization: '', Cookie: `token=${host.token}; session=${host.token}` })).status).toBe(401)
  })

  it('serves the app itself without the token and sets no session cookie; the page brings the token', async () => {
    for (const path of ['/', '/activities/insights', '/items/skill.java', `/?token=${host.token}`]) {
      const reply = await send(host.port, { path, headers: { Host: `127.0.0.1:${host.port}` } })
      expect(reply.status, path).toBe(200)
      expect(reply.body).toContain('<title>Pathfinder</title>')
      // Only ever the old cookie's removal.
      for (const cookie of [reply.headers['set-cookie'] ?? []].flat()) expect(cookie).toMatch(/^pathfinder_session=; Max-Age=0;/)
    }
    expect((await send(host.port, { path: '/assets/missing.js', headers: { Host: `127.0.0.1:${host.port}` } })).status).toBe(404)
    expect((await send(host.port, { path: '/', headers: { Host: `evil.example:${host.port}` } })).status).toBe(403)
  })

  it('refuses a rebinding Host and a cross-site Origin', async () => {
    expect((await api({ Host: `evil.example:${host.port}` })).status).toBe(403)
    expect((await api({ Origin: 'http://evil.example' })).status).toBe(403)
    expect((await api({ Origin: `https://127.0.0.1:${host.port}` })).status).toBe(403)
    expect((await api({ Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200)
  })

  it('turns away connections past its cap at once, and serves again when they close', async () => {
    const open = (): Promise<Socket> => new Promise((resolve, reject) => {
      const socket = connect(host.port, '127.0.0.1', () => resolve(socket))
      socket.on('error', reject)
    })
    const idle = await Promise.all(Array.from({ length: maxOpenConnections }, open))
    const extra = await open()
    // The server ends it without a word: nothing was read, nothing will be.
    await new Promise<void>((resolve) => extra.once('close', () => resolve()))
    expect(extra.bytesRead).toBe(0)
    await Promise.all(idle.map((socket) => new Promise<void>((resolve) => socket.end(() => resolve()))))
    await expect.poll(async () => (await api()).status, { timeout: 5_000 }).toBe(200)
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
    expect(parseWebHostArgs(['--port', '8080', '--data-dir', '/tmp/x', '--open'])).toEqual({ port: 8080, dataDir: '/tmp/x', open: true, newToken: false, recovery: null })
    expect(parseWebHostArgs(['--new-token']).newToken).toBe(true)
    expect(() => parseWebHostArgs(['--port', '70000'])).toThrow(/Port must be 0-65535/)
    expect(() => parseWebHostArgs(['--bogus'])).toThrow()
    expect(parseWebHostArgs(['--restore-newest-backup']).recovery).toBe('restore')
    expect(() => parseWebHostArgs(['--restore-newest-backup', '--start-fresh'])).toThrow(/Choose one/)
  })
})

describe('stopping the web host', () => {
  // Headers may take 10 s to arrive; a stop that waited for them would hang the app's exit, and
  // this test's 5 s limit with it.
  it('does not wait for a connection that never sends a request', { timeout: 5_000 }, async () => {
    const core = await openTempCore()
    const rendererDir = mkdtempSync(join(tmpdir(), 'pathfinder-renderer-'))
    try {
      const host = await startWebHost({ dispatcher: core, rendererDir })
      const silent = await new Promise<Socket>((resolve, reject) => {
        const socket = connect(host.port, '127.0.0.1', () => resolve(socket))
        socket.on('error', reject)
      })
      // A byte of a request line, then nothing: the connection is busy, not idle.
      silent.write('P')
      const cut = new Promise<void>((resolve) => silent.once('close', () => resolve()))
      await host.close()
      await cut
    } finally {
      core.dispose()
      rmSync(rendererDir, { recursive: true, force: true })
    }
  })
})

describe('the web host token of a data folder', () => {
  const dirs: string[] = []
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathfinder-token-'))
    dirs.push(dir)
    return dir
  }
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  it('is kept across starts, readable by its owner only, and replaced on demand', () => {
    const dir = dataDir()
    const first = loadOrCreateToken(dir)
    expect(first.length).toBeGreaterThanOrEqual(43)
    expect(statSync(join(dir, tokenFileName)).mode & 0o777).toBe(0o600)
    expect(loadOrCreateToken(dir)).toBe(first)
    const rotated = loadOrCreateToken(dir, { rotate: true })
    expect(rotated).not.toBe(first)
    expect(loadOrCreateToken(dir)).toBe(rotated)
    expect(statSync(join(dir, tokenFileName)).mode & 0o777).toBe(0o600)
  })

  it('replaces a file that holds no proper token, and tightens a loose mode', () => {
    const dir = dataDir()
    writeFileSync(join(dir, tokenFileName), 'short\n', { mode: 0o644 })
    const token = loadOrCreateToken(dir)
    expect(token).not.toBe('short')
    expect(readFileSync(join(dir, tokenFileName), 'utf8').trim()).toBe(token)
    writeFileSync(join(dir, tokenFileName), `${token}\n`, { mode: 0o644 })
    rmSync(join(dir, tokenFileName))
    writeFileSync(join(dir, tokenFileName), `${token}\n`, { mode: 0o644 })
    expect(loadOrCreateToken(dir)).toBe(token)
    expect(statSync(join(dir, tokenFileName)).mode & 0o777).toBe(0o600)
  })
})
