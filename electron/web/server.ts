import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fail, type Result } from '@shared/contract'
import { contentSecurityPolicy, httpApiPrefix, httpUploadPath, maxRequestBytes, sessionCookieName } from '@shared/contract/transport'
import type { Dispatcher } from '../core/ipc/dispatcher'
import { originAllowed, sessionToken, tokensMatch } from './guards'
import { resolveStatic } from '../core/host/resolveStatic'
import { sendFile } from './staticFiles'
import { receiveUpload } from './upload'

export interface WebHostOptions {
  dispatcher: Dispatcher
  /** Built renderer (out/renderer). */
  rendererDir: string
  port?: number
  /** Fixed token for tests; a random one per run otherwise. */
  token?: string
  /** The data folder: uploads of files to import are streamed into it. Without it there is no upload route. */
  dataDir?: string
}

export interface WebHost {
  server: Server
  port: number
  token: string
  /** The URL to open: carries the token once, the server swaps it for a cookie. */
  url: string
  close(): Promise<void>
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > maxRequestBytes) throw new BodyTooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > maxRequestBytes) throw new BodyTooLarge()
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function callChannel(dispatcher: Dispatcher, name: string, req: IncomingMessage): Promise<Result<unknown>> {
  const text = await readBody(req)
  let input: unknown
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text)
    } catch {
      return fail('invalid-input', 'The request was not valid JSON.')
    }
  }
  return dispatcher.dispatch(name, input)
}

/**
 * The browser host: the built renderer and the same core dispatcher over loopback HTTP.
 * Every request must carry the per-run token (as the session cookie it is exchanged for, or
 * a bearer header), come to our own Host, and, from a browser, from our own Origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = options.port ?? 0

  const server = createServer((req, res) => {
    void (async () => {
      const origin = originAllowed(req, port)
      if (!origin.ok) return sendJson(res, 403, fail('unavailable', origin.why))
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)

      // First visit: trade the token in the URL for an HttpOnly cookie and drop it from the address bar.
      const offered = url.searchParams.get('token')
      if (req.method === 'GET' && offered !== null) {
        if (!tokensMatch(offered, token)) return sendJson(res, 401, fail('unavailable', 'This link has expired. Open the address the host printed.'))
        res.writeHead(303, { ...securityHeaders, Location: '/', 'Set-Cookie': `${sessionCookieName}=${token}; HttpOnly; SameSite=Strict; Path=/` })
        return res.end()
      }
      if (!tokensMatch(sessionToken(req), token)) {
        return sendJson(res, 401, fail('unavailable', 'Not signed in to this Pathfinder host. Open the address it printed.'))
      }

      if (url.pathname.startsWith(httpApiPrefix)) {
        if (req.method !== 'POST') return sendJson(res, 405, fail('invalid-input', 'Use POST for API calls.'))
        if (url.pathname === httpUploadPath && options.dataDir !== undefined) {
          const { status, body } = await receiveUpload(req, options.dataDir, new Date())
          // A body refused before it was read is not drained: the connection goes with it.
          if (status === 413) res.setHeader('Connection', 'close')
          return sendJson(res, status, body)
        }
        try {
          return sendJson(res, 200, await callChannel(options.dispatcher, url.pathname.slice(httpApiPrefix.length), req))
        } catch (error) {
          if (error instanceof BodyTooLarge) return sendJson(res, 413, fail('invalid-input', 'That request is too large.'))
          throw error
        }
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('invalid-input', 'Method not allowed.'))
      const file = resolveStatic(options.rendererDir, url.pathname) ?? resolveStatic(options.rendererDir, '/')
      if (!file) return sendJson(res, 404, fail('not-found', 'The app has not been built. Run npm run build.'))
      sendFile(res, file, securityHeaders)
    })().catch((error: unknown) => {
      console.error('Web host request failed', error)
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'Something went wrong on our side.'))
      else res.end()
    })
  })
  server.requestTimeout = 60_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? (address satisfies AddressInfo).port : port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
