import { BrowserWindow, type WebPreferences } from 'electron'

/** The security-relevant options of the app's window, kept apart so a test can assert them. */
export const secureWebPreferences = (preload: string): WebPreferences => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: true,
})

export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 880,
    minHeight: 600,
    show: false,
    title: 'Pathfinder',
    backgroundColor: '#0f1115',
    webPreferences: secureWebPreferences(preload),
  })
  window.once('ready-to-show', () => window.show())
  return window
}
