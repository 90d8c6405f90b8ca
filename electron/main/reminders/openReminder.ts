import { desktopChannels } from '@shared/contract/desktop'
import type { ReminderTarget } from '@shared/domain/reminders'

/** The part of Electron's BrowserWindow a clicked reminder uses (a stand-in in tests). */
export interface ReminderWindow {
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
  webContents: {
    isLoading(): boolean
    once(event: 'did-finish-load', listener: () => void): unknown
    send(channel: string, ...args: unknown[]): void
  }
}

/**
 * Brings a window forward on what a clicked reminder is about. The page is told only once it
 * has loaded: a window opened for the click (none was open, as macOS allows) would miss it.
 */
export function openReminderIn(existing: ReminderWindow | undefined, openWindow: () => ReminderWindow, target: ReminderTarget): void {
  const window = existing ?? openWindow()
  const send = () => window.webContents.send(desktopChannels.reminderOpened, target)
  if (existing && !window.webContents.isLoading()) send()
  else window.webContents.once('did-finish-load', send)
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
