/** Wire details shared by both hosts and the renderer's transports. */
export const ipcChannelPrefix = 'pathfinder:'
export const httpApiPrefix = '/api/'
/**
 * The cookie earlier versions kept the web host's token in. Cookies are scoped by host, not
 * port, so it reached every other service on 127.0.0.1: the host now clears it and never
 * reads it.
 */
export const legacySessionCookieName = 'pathfinder_session'
/**
 * The web host's address carries its token in the fragment (`/#token=...`), which browsers
 * never send to any server; the page keeps it for its own origin and sends it as a header.
 */
export const tokenFragmentKey = 'token'
export const sessionHeaderName = 'Authorization'
export const bearer = (token: string): string => `Bearer ${token}`

/** The token in an address the web host printed, or '' when it has none. */
export function tokenInAddress(address: string): string {
  const hash = new URL(address).hash.replace(/^#/, '')
  return new URLSearchParams(hash).get(tokenFragmentKey) ?? ''
}
export const maxRequestBytes = 8 * 1024 * 1024
/**
 * Where the web host takes a file to import (an export, a CSV) as the raw request body,
 * streamed to disk: under the API prefix, so whatever guards the API guards it too.
 */
export const httpUploadPath = `${httpApiPrefix}upload`
/**
 * The largest file an import reads: ten years of data export to about 62 MB, and the core
 * reads the file as one string, which V8 caps at about 512 million characters.
 */
export const maxImportFileBytes = 512 * 1024 * 1024

/**
 * The Content-Security-Policy of every app page, in both hosts. No inline scripts, no eval,
 * no remote anything: the app talks to its own origin only.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
