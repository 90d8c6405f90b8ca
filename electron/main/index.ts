import { app, BrowserWindow, dialog, ipcMain, nativeTheme, Notification, powerMonitor, session, shell } from 'electron'
import { join } from 'node:path'
import { coreRestartedChannel, type CoreRestarted } from '@shared/contract/coreEvents'
import { desktopChannels, themeChoice } from '@shared/contract/desktop'
import { reminderSchema } from '@shared/contract/reminders'
import { hostTimeZone } from '@shared/contract/reports'
import type { CommandId } from '@shared/domain/commands'
import { describeRecovery, type RecoveryChoice } from '../core/host/openWithRecovery'
import { createRotatingLog } from '../core/log/rotatingLog'
import { startCoreProcess, type CoreProcess } from '../core/process/coreProcess'
import type { StoreOpenError } from '../core/store/storeOpenError'
import { appOrigin, registerAppScheme, serveRenderer } from './appProtocol'
import { desktopHost } from './desktopHost'
import { registerIpc } from './ipc'
import { attachContextMenu, installAppMenu } from './menu/installMenus'
import { createPreferences } from './preferences'
import { hardenContents, isTrustedSender, openExternalGuarded, restrictPermissions } from './security'
import { forkUtilityCore } from './utilityCore'
import { openReminderIn } from './reminders/openReminder'
import { startReminderNotifier } from './reminders/reminderNotifier'
import { openMainWindow } from './window/openMainWindow'

// out/main/index.js -> the app root (the asar root when packaged).
const appRoot = join(import.meta.dirname, '..', '..')
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const allowedOrigins = devServerUrl ? [appOrigin, new URL(devServerUrl).origin] : [appOrigin]
const contentDir = app.isPackaged ? join(process.resourcesPath, 'data', 'paths') : join(appRoot, 'data', 'paths')
const dataDir = process.env.PATHFINDER_DATA_DIR ?? app.getPath('userData')
const shellDir = app.getPath('userData')
const logDir = join(dataDir, 'logs')

// Errors of a packaged app would otherwise go nowhere: they go to a file in the data folder.
const log = createRotatingLog({ dir: logDir, ...(app.isPackaged ? {} : { echo: console }) })
process.on('uncaughtException', (error) => log.error('Uncaught error in the main process:', error))
process.on('unhandledRejection', (reason) => log.error('Unhandled rejection in the main process:', reason))

const preferences = createPreferences(shellDir)
nativeTheme.themeSource = preferences.get().theme

registerAppScheme()
app.enableSandbox()
// Every session and every page the app ever makes gets the same rules, the print window's too.
app.on('session-created', restrictPermissions)
const openLink = (url: string) => void openExternalGuarded(url, (safe) => shell.openExternal(safe))
app.on('web-contents-created', (_event, contents) => {
  hardenContents(contents, allowedOrigins, (url) => shell.openExternal(url))
  attachContextMenu(contents, openLink)
})

let core: CoreProcess | undefined
let stopReminders: (() => void) | undefined

const mainWindow = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]

function openWindow(): BrowserWindow {
  const window = openMainWindow({ preload: join(appRoot, 'out', 'preload', 'index.cjs'), stateDir: shellDir, spellcheck: preferences.get().spellcheck })
  void window.loadURL(devServerUrl ?? `${appOrigin}/index.html`)
  return window
}

/** Due goals, milestones and the weekly review as native notifications; the schedule and what was shown live in the core. */
function startReminders(running: CoreProcess): () => void {
  const notifier = startReminderNotifier({
    async take() {
      const answer = await running.dispatch('reminders.take', { timeZone: hostTimeZone() })
      if (!answer.ok) return []
      return reminderSchema.array().parse(answer.value)
    },
    notify: (options) => (Notification.isSupported() ? new Notification(options) : null),
    open: (target) => openReminderIn(mainWindow(), openWindow, target),
    powerMonitor,
    every(ms, tick) {
      const timer = setInterval(tick, ms)
      return () => clearInterval(timer)
    },
    log,
  })
  return notifier.stop
}


function installMenu(): void {
  installAppMenu(
    { platform: process.platform, appName: app.name, isDev: !app.isPackaged, spellcheck: preferences.get().spellcheck },
    {
      command: (id: CommandId) => {
        const window = mainWindow()
        if (window) window.webContents.send(desktopChannels.command, id)
        else if (core) openWindow()
      },
      openDataFolder: () => void shell.openPath(dataDir),
      openLogFile: () => {
        log.info('Log file opened from the menu')
        void shell.openPath(log.file)
      },
      setSpellcheck: (on) => {
        preferences.set({ spellcheck: on })
        session.defaultSession.setSpellCheckerEnabled(on)
        installMenu()
      },
      showAbout: () => app.showAboutPanel(),
    },
  )
}

/** The page's theme choice sets the window's own colours (background, scrollbars, native menus). */
function followThemeOfPage(): void {
  ipcMain.on(desktopChannels.setTheme, (event, choice: unknown) => {
    const parsed = themeChoice.safeParse(choice)
    if (!isTrustedSender(event, allowedOrigins) || !parsed.success) return
    nativeTheme.themeSource = parsed.data
    if (preferences.get().theme !== parsed.data) preferences.set({ theme: parsed.data })
  })
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
  restrictPermissions(session.defaultSession)
  session.defaultSession.setSpellCheckerEnabled(preferences.get().spellcheck)
  serveRenderer(join(appRoot, 'out', 'renderer'))
  // The core (SQLite, reports, imports, backups) runs in its own process; main keeps the window responsive.
  const tellWindows = (event: CoreRestarted) => BrowserWindow.getAllWindows().forEach((window) => window.webContents.send(coreRestartedChannel, event))
  try {
    core =
      (await startCoreProcess({
        spawn: forkUtilityCore(join(import.meta.dirname, 'coreProcess.js'), logDir),
        dataDir,
        contentDir,
        host: desktopHost(dataDir),
        decide: askHowToRecover,
        onRestart: tellWindows,
        log,
      })) ?? undefined
  } catch (error) {
    log.error('The store could not be opened:', error)
    dialog.showErrorBox('Pathfinder could not open your data', error instanceof Error ? error.message : String(error))
  }
  if (!core) {
    app.exit(1)
    return
  }
  registerIpc(ipcMain, core, allowedOrigins)
  followThemeOfPage()
  installMenu()
  openWindow()
  stopReminders = startReminders(core)
}

// One writer per data folder: a second launch focuses the first window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const window = mainWindow()
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  // macOS keeps an app running with no window; the Dock icon opens a new one.
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // However the app ends (last window, Cmd+Q, the menu's Quit, the OS logging out, a signal), the
  // core's process closes the store and releases the folder's lock first; Electron would
  // otherwise end it mid-write.
  app.on('will-quit', (event) => {
    const closing = core
    if (!closing) return
    event.preventDefault()
    core = undefined
    stopReminders?.()
    void closing.close().finally(() => app.quit())
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())
  app.whenReady().then(start, (error: unknown) => log.error('Start-up failed:', error))
}
