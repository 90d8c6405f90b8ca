import { BrowserWindow } from 'electron'

/**
 * The app's one window. The options are written out here, as a literal, so that reviewers
 * and static checkers (electronegativity) see every security setting where it takes effect.
 */
export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 880,
    minHeight: 600,
    show: false,
    title: 'Pathfinder',
    backgroundColor: '#0f1115',
    webPreferences: {
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
      // Middle-click would otherwise open links in a new window, bypassing the open handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  return window
}
