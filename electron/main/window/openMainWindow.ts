import { nativeTheme, screen, type BrowserWindow } from 'electron'
import { createMainWindow } from './createMainWindow'
import { placeWindow } from './windowPlacement'
import { readWindowState, writeWindowState } from './windowStateFile'

/** The tokens' page backgrounds (renderer/src/ui/tokens.css), painted before the page draws. */
const background = { light: '#f6f7f9', dark: '#0f1115' } as const

export interface OpenWindowOptions {
  preload: string
  /** Where the window's state file lives (userData). */
  stateDir: string
  spellcheck: boolean
}

/**
 * Opens the main window where it was last closed, on a display that still exists, maximised if
 * it was, in the theme's own background colour; and remembers where it was when it closes.
 */
export function openMainWindow(options: OpenWindowOptions): BrowserWindow {
  const placed = placeWindow(
    readWindowState(options.stateDir),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  )
  const window = createMainWindow({
    preload: options.preload,
    bounds: placed.bounds,
    backgroundColor: nativeTheme.shouldUseDarkColors ? background.dark : background.light,
    spellcheck: options.spellcheck,
  })
  if (placed.maximized) window.maximize()
  window.on('close', () => {
    try {
      writeWindowState(options.stateDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() })
    } catch {
      // Only the next window's position is lost.
    }
  })
  return window
}
