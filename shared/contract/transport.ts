/** Wire details shared by both hosts and the renderer's transports. */
export const ipcChannelPrefix = 'pathfinder:'
export const httpApiPrefix = '/api/'
export const sessionCookieName = 'pathfinder_session'
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
