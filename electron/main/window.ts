import { BrowserWindow } from 'electron'
import { secureWebPreferences } from './webPreferences'

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
