import { BrowserWindow } from 'electron'
import { minimumSize, type Rect } from './windowPlacement'

export interface MainWindowOptions {
  preload: string
  bounds: Rect
  /** Painted before the page draws: the theme's own background, so a dark theme never flashes white. */
  backgroundColor: string
  spellcheck: boolean
}

/**
 * The app's one window. The options are written out here, as a literal, so that reviewers
 * and static checkers (electronegativity) see every security setting where it takes effect.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.bounds,
    minWidth: minimumSize.width,
    minHeight: minimumSize.height,
    show: false,
    title: 'Pathfinder',
    backgroundColor: options.backgroundColor,
    webPreferences: {
      preload: options.preload,
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
      // Off unless the person turns it on: checking spelling has Chromium download dictionaries.
      spellcheck: options.spellcheck,
    },
  })
  window.once('ready-to-show', () => window.show())
  return window
}
