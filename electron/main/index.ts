import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron'
import { join } from 'node:path'
import { coreRestartedChannel, type CoreRestarted } from '@shared/contract/coreEvents'
import { describeRecovery, type RecoveryChoice } from '../core/host/openWithRecovery'
import { startCoreProcess, type CoreProcess } from '../core/process/coreProcess'
import type { StoreOpenError } from '../core/store/storeOpenError'
import { appOrigin, registerAppScheme, serveRenderer } from './appProtocol'
import { registerIpc } from './ipc'
import { denyAllPermissions, hardenContents } from './security'
import { desktopHost } from './desktopHost'
import { forkUtilityCore } from './utilityCore'
import { createMainWindow } from './window'

// out/main/index.js -> the app root (the asar root when packaged).
const appRoot = join(import.meta.dirname, '..', '..')
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const allowedOrigins = devServerUrl ? [appOrigin, new URL(devServerUrl).origin] : [appOrigin]
const contentDir = app.isPackaged ? join(process.resourcesPath, 'data', 'paths') : join(appRoot, 'data', 'paths')

registerAppScheme()

let core: CoreProcess | undefined

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
  // The core (SQLite, reports, imports, backups) runs in its own process; main keeps the window responsive.
  const tellWindows = (event: CoreRestarted) => BrowserWindow.getAllWindows().forEach((window) => window.webContents.send(coreRestartedChannel, event))
  try {
    core =
      (await startCoreProcess({
        spawn: forkUtilityCore(join(import.meta.dirname, 'coreProcess.js')),
        dataDir,
        contentDir,
        host: desktopHost(dataDir),
        decide: askHowToRecover,
        onRestart: tellWindows,
      })) ?? undefined
  } catch (error) {
    dialog.showErrorBox('Pathfinder could not open your data', error instanceof Error ? error.message : String(error))
  }
  if (!core) {
    app.exit(1)
    return
  }
  registerIpc(ipcMain, core, allowedOrigins)
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
  app.on('window-all-closed', () => app.quit())
  // However the app ends (last window, Cmd+Q, the OS logging out), the core's process closes the
  // store and releases the folder's lock first; Electron would otherwise end it mid-write.
  app.on('will-quit', (event) => {
    const closing = core
    if (!closing) return
    event.preventDefault()
    core = undefined
    void closing.close().finally(() => app.quit())
  })
}
