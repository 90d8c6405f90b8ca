import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { join } from 'node:path'
import { createCore, type Core } from '../core/core'
import { appOrigin, registerAppScheme, serveRenderer } from './appProtocol'
import { registerIpc } from './ipc'
import { electronNativeBinding } from './nativeBinding'
import { denyAllPermissions, hardenContents } from './security'
import { desktopHost } from './desktopHost'
import { createMainWindow } from './window'

// out/main/index.js -> the app root (the asar root when packaged).
const appRoot = join(import.meta.dirname, '..', '..')
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const allowedOrigins = devServerUrl ? [appOrigin, new URL(devServerUrl).origin] : [appOrigin]
const contentDir = app.isPackaged ? join(process.resourcesPath, 'data', 'paths') : join(appRoot, 'data', 'paths')

registerAppScheme()

let core: Core | undefined

function openWindow(): void {
  const window = createMainWindow(join(appRoot, 'out', 'preload', 'index.cjs'))
  hardenContents(window.webContents, allowedOrigins, (url) => shell.openExternal(url))
  void window.loadURL(devServerUrl ?? `${appOrigin}/index.html`)
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession)
  serveRenderer(join(appRoot, 'out', 'renderer'))
  try {
    const dataDir = process.env.PATHFINDER_DATA_DIR ?? app.getPath('userData')
    core = await createCore({ dataDir, contentDir, nativeBinding: electronNativeBinding(appRoot, app.isPackaged), host: desktopHost(dataDir) })
  } catch (error) {
    dialog.showErrorBox('Pathfinder could not open your data', error instanceof Error ? error.message : String(error))
    app.exit(1)
    return
  }
  registerIpc(core, allowedOrigins)
  openWindow()
}

// One writer per data folder: a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  app.whenReady().then(start, (error: unknown) => console.error(error))
  app.on('window-all-closed', () => {
    core?.close()
    app.quit()
  })
}
