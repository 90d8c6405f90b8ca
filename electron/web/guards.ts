import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Constant-time comparison, so the token cannot be guessed one character at a time. */
export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * The token of a request: only ever a header the page's script adds. Never a cookie: a
 * browser sends our cookies to every port of 127.0.0.1, so any local service the person
 * visits would receive it.
 */
export const sessionToken = (req: IncomingMessage): string | undefined => {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length)
  return undefined
}

/**
 * DNS rebinding and cross-site defence: the Host must be our loopback address and port, and
 * an Origin, when a browser sends one, must be that same origin.
 */
export function originAllowed(req: IncomingMessage, port: number): { ok: true } | { ok: false; why: string } {
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const host = req.headers.host
  if (!host || !allowedHosts.has(host)) return { ok: false, why: 'Unexpected Host header' }
  const origin = req.headers.origin
  if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return { ok: false, why: 'Cross-origin request refused' }
  if (origin !== undefined && !origin.startsWith('http://')) return { ok: false, why: 'Cross-origin request refused' }
  return { ok: true }
}
