import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { join } from 'node:path'
import type { Core } from '../core/core'
import { describeRecovery, openWithRecovery, type RecoveryChoice } from '../core/host/openWithRecovery'
import type { StoreOpenError } from '../core/store/storeOpenError'
import { appOrigin, registerAppScheme, serveRenderer } from './appProtocol'
import { registerIpc } from './ipc'
import { denyAllPermissions, hardenContents } from './security'
import { desktopHost } from './desktopHost'
import { createMainWindow } from './window/createMainWindow'

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

/** The person decides: their data is never replaced or emptied without a yes. */
async function askHowToRecover(error: StoreOpenError): Promise<RecoveryChoice> {
  const choices: { label: string; choice: RecoveryChoice }[] = [
    ...(error.canRestore ? [{ label: 'Restore the newest backup', choice: 'restore' as const }] : []),
    { label: 'Start empty', choice: 'start-fresh' },
    { label: 'Quit', choice: 'quit' },
  ]
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Pathfinder could not open your data',
    message: 'Pathfinder could not open your data',
    detail: describeRecovery(error),
    buttons: choices.map((c) => c.label),
    defaultId: 0,
    cancelId: choices.length - 1,
    noLink: true,
  })
  return choices[response]?.choice ?? 'quit'
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession)
  serveRenderer(join(appRoot, 'out', 'renderer'))
  const dataDir = process.env.PATHFINDER_DATA_DIR ?? app.getPath('userData')
  try {
    core = (await openWithRecovery({ dataDir, contentDir, host: desktopHost(dataDir) }, askHowToRecover)) ?? undefined
  } catch (error) {
    dialog.showErrorBox('Pathfinder could not open your data', error instanceof Error ? error.message : String(error))
  }
  if (!core) {
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
