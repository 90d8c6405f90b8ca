import { describe, expect, it, vi } from 'vitest'
import { EventEmitter } from 'node:events'
import { restrictPermissions, hardenContents, isAppUrl, isSafeExternalUrl, isTrustedSender, openExternalGuarded } from '../../electron/main/security'

// Electron's binary cannot run here: a stand-in BrowserWindow records the options it is given.
const created = vi.hoisted(() => [] as unknown[])
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      created.push(options)
    }
    once() {}
  },
}))
const { createMainWindow } = await import('../../electron/main/window/createMainWindow')

const origins = ['app://pathfinder']

/** Just enough of an IpcMainInvokeEvent to exercise the sender check. */
function fakeEvent(url: string, topLevel = true) {
  const mainFrame = { url }
  const senderFrame = topLevel ? mainFrame : { url }
  return { senderFrame, sender: { mainFrame } }
}

describe('Electron hardening', () => {
  it('gives the window isolation, a sandbox and no Node', () => {
    createMainWindow({ preload: '/app/preload.cjs', bounds: { x: 0, y: 0, width: 1280, height: 840 }, backgroundColor: '#ffffff', spellcheck: false })
    expect(created).toHaveLength(1)
    expect(created[0]).toHaveProperty('webPreferences')
    expect(created[0]).toMatchObject({ webPreferences: {
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      // No request for dictionaries the person never asked for.
      spellcheck: false,
    } })
  })

  it("accepts IPC only from the app's own top frame", () => {
    const check = (url: string, top?: boolean) => isTrustedSender(fakeEvent(url, top), origins)
    expect(check('app://pathfinder/index.html')).toBe(true)
    expect(check('app://pathfinder/index.html', false)).toBe(false)
    expect(check('https://evil.example/')).toBe(false)
    expect(check('app://pathfinder.evil/')).toBe(false)
    expect(check('file:///etc/passwd')).toBe(false)
  })

  it('keeps navigation inside the app, by parsed origin', () => {
    expect(isAppUrl('app://pathfinder/#/roadmap', origins)).toBe(true)
    expect(isAppUrl('app://pathfinder@evil.example/', origins)).toBe(false)
    expect(isAppUrl('not a url', origins)).toBe(false)
  })

  it('sends only http(s) links to the browser', () => {
    const opened: string[] = []
    const open = async (url: string) => {
      opened.push(url)
    }
    expect(isSafeExternalUrl('https://github.com/expressjs/express')).toBe(true)
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:foo', 'nonsense']) {
      expect(openExternalGuarded(url, open)).toBe(false)
    }
    expect(openExternalGuarded('https://example.com/', open)).toBe(true)
    expect(opened).toEqual(['https://example.com/'])
  })

  it('grants only the sanitized clipboard write, to requests and checks alike', () => {
    const answers: Record<string, boolean> = {}
    let check: ((contents: unknown, permission: string) => boolean) | undefined
    const asked = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal']
    restrictPermissions({
      setPermissionRequestHandler: (handler) => asked.forEach((permission) => handler(null, permission, (granted) => (answers[permission] = granted))),
      setPermissionCheckHandler: (handler) => {
        check = handler
      },
    })
    expect(answers).toEqual({ media: false, geolocation: false, notifications: false, 'clipboard-read': false, 'clipboard-sanitized-write': true, openExternal: false })
    expect(asked.filter((p) => check?.(null, p))).toEqual(['clipboard-sanitized-write'])
  })

  it('keeps the window on the app: navigation away is stopped and sent to the browser, new windows denied', () => {
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
        openHandler = handler
      },
    })
    const opened: string[] = []
    hardenContents(contents, origins, async (url) => {
      opened.push(url)
    })
    const navigate = (url: string) => {
      let prevented = false
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    expect(navigate('app://pathfinder/#/goals')).toBe(false)
    expect(navigate('https://github.com/expressjs/express')).toBe(true)
    expect(navigate('file:///etc/passwd')).toBe(true)
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://github.com/expressjs/express', 'https://example.com/'])
    let attachPrevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (attachPrevented = true) })
    expect(attachPrevented).toBe(true)
  })
})
