
export type OpenExternal = (url: string) => Promise<void>

/** Only web links leave the app, and only to the user's browser. */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const { protocol } = new URL(raw)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** The one way the app opens anything outside itself. */
export function openExternalGuarded(raw: string, openExternal: OpenExternal): boolean {
  if (!isSafeExternalUrl(raw)) return false
  void openExternal(raw)
  return true
}

export function isAppUrl(raw: string, allowedOrigins: readonly string[]): boolean {
  try {
    // Not URL.origin: for a custom scheme it is "null" outside Chromium.
    const url = new URL(raw)
    return allowedOrigins.includes(`${url.protocol}//${url.host}`)
  } catch {
    return false
  }
}

/**
 * IPC may come only from the app's own top-level frame: not from an iframe, and not from
 * any page that navigated away from our origin.
 */
/** The parts of an IpcMainInvokeEvent the check reads. */
export interface IpcSender {
  senderFrame: { url: string } | null
  sender: { mainFrame: unknown }
}

export function isTrustedSender(event: IpcSender, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame
  if (!frame || frame !== event.sender.mainFrame) return false
  return isAppUrl(frame.url, allowedOrigins)
}

interface Preventable {
  preventDefault(): void
}

/** The parts of WebContents the guards use (kept narrow so tests can drive them). */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** The parts of a Session the permission guard uses. */
export interface PermissionGate {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void
}

/** Navigation stays inside the app; new windows never open; links go to the browser. */
export function hardenContents(contents: GuardedContents, allowedOrigins: readonly string[], openExternal: OpenExternal): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, allowedOrigins)) {
      event.preventDefault()
      openExternalGuarded(url, openExternal)
    }
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, allowedOrigins)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalGuarded(url, openExternal)
    return { action: 'deny' }
  })
}

/**
 * The one permission the app's pages use: writing plain text to the clipboard (the Copy
 * buttons). No camera, microphone, location, notifications prompt or anything else from web
 * content; set on every session, the print window's included.
 */
const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export function restrictPermissions(session: PermissionGate): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)))
  session.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission))
}
