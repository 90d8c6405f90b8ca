/** Wire details shared by both hosts and the renderer's transports. */
export const ipcChannelPrefix = 'pathfinder:'
export const httpApiPrefix = '/api/'
export const sessionCookieName = 'pathfinder_session'
export const maxRequestBytes = 8 * 1024 * 1024

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
