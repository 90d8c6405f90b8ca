import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fail, type Result } from '@shared/contract'
import { contentSecurityPolicy, httpApiPrefix, httpUploadPath, legacySessionCookieName, maxRequestBytes, tokenFragmentKey } from '@shared/contract/transport'
import type { Dispatcher } from '../core/ipc/dispatcher'
import { originAllowed, sessionToken, tokensMatch } from './guards'
import { resolveStatic } from '../core/host/resolveStatic'
import { sendFile } from './staticFiles'
import { receiveUpload } from './upload'

/** Far more than a browser's tabs keep open to one host, far fewer than a flood. */
export const maxOpenConnections = 64

export interface WebHostOptions {
  dispatcher: Dispatcher
  /** Built renderer (out/renderer). */
  rendererDir: string
  port?: number
  /** The token every API call must carry (index.ts keeps one per data folder); a random one otherwise. */
  token?: string
  /** The data folder: uploads of files to import are streamed into it. Without it there is no upload route. */
  dataDir?: string
}

export interface WebHost {
  server: Server
  port: number
  token: string
  /** The address to open: the token rides in the fragment, which the browser never sends anywhere. */
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

/** Where the build puts scripts, styles and pictures (vite's assetsDir). */
const assetsPath = '/assets/'

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

/** Tells browsers to drop the cookie earlier versions set, which other local ports could read. */
const clearLegacyCookie = `${legacySessionCookieName}=; Max-Age=0; Path=/; HttpOnly; SameSite=Strict`

/**
 * The browser host: the built renderer and the same core dispatcher over loopback HTTP.
 * Every request must come to our own Host and, from a browser, from our own Origin. Every
 * API call must carry the token as a bearer header, which the page adds from the address's
 * fragment; the built app's files hold no data and are served without it, so that page can
 * load and read its fragment.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  let port = options.port ?? 0

  const server = createServer((req, res) => {
    void (async () => {
      const origin = originAllowed(req, port)
      if (!origin.ok) return sendJson(res, 403, fail('unavailable', origin.why))
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)

      if (url.pathname.startsWith(httpApiPrefix)) {
        if (!tokensMatch(sessionToken(req), token)) {
          return sendJson(res, 401, fail('unavailable', 'Not signed in to this Pathfinder host. Open the address it printed.'))
        }
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
      // Any other path is one of the app's own views (a deep link such as /items/skill.java):
      // the app answers it. A missing file of the build is a 404, never the page in its place.
      const isAsset = url.pathname.startsWith(assetsPath)
      const file = resolveStatic(options.rendererDir, url.pathname) ?? (isAsset ? undefined : resolveStatic(options.rendererDir, '/'))
      if (!file) return sendJson(res, 404, fail('not-found', isAsset ? 'There is no such file.' : 'The app has not been built. Run npm run build.'))
      sendFile(res, file, { ...securityHeaders, 'Set-Cookie': clearLegacyCookie })
    })().catch((error: unknown) => {
      console.error('Web host request failed', error)
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'Something went wrong on our side.'))
      else res.end()
    })
  })
  server.requestTimeout = 60_000
  // Anyone on this computer can open sockets to our port without a token: a cap on open
  // connections and on how long headers may take keeps a flood or a slow trickle from starving
  // the page. A browser keeps a handful open; the rest are turned away at once.
  server.maxConnections = maxOpenConnections
  server.headersTimeout = 10_000

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
    url: `http://127.0.0.1:${port}/#${tokenFragmentKey}=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        // A socket a browser opened ahead of need sends nothing and would hold close() until its
        // headers time out; a request still running gets two seconds. Stopping never waits on a tab.
        setTimeout(() => server.closeAllConnections(), 2_000).unref()
      }),
  }
}
