import { z } from 'zod'
import { isCommandId, type CommandId } from '../domain/commands'
import { coreRestartedChannel, type CoreRestarted } from './coreEvents'
import { reminderTarget } from './reminders'
import type { ReminderTarget } from '../domain/reminders'

/** The theme choices a person makes in the sidebar; the desktop window's own colours follow them. */
export const themeChoice = z.enum(['system', 'light', 'dark'])
export type ThemeChoice = z.infer<typeof themeChoice>

/**
 * What the desktop app adds to the contract's request and answer: messages that start in main
 * (a menu command, the core's process restarted) and settings of the window itself (its theme). Exposed by the preload as
 * `window.desktop`; absent in a browser, where the page does all of it alone.
 */
export interface DesktopBridge {
  /** Runs the listener for every command chosen in the app's menu; returns how to stop. */
  onCommand(listener: (id: CommandId) => void): () => void
  /** Runs the listener, with words for the person, whenever the core's process had to be restarted. */
  onCoreRestarted(listener: (event: CoreRestarted) => void): () => void
  setTheme(choice: ThemeChoice): void
  /** Runs the listener with what a clicked reminder notification opens (a goal, the weekly review). */
  onReminderOpened(listener: (target: ReminderTarget) => void): () => void
  /**
   * Where a file dropped on the window or chosen in a file input is on disk (Electron's
   * webUtils.getPathForFile), so the core reads it there rather than through a call; '' for a
   * file that is not on disk.
   */
  pathOfFile(file: File): string
}

/** IPC channel names, outside the contract's `pathfinder:` namespace. */
export const desktopChannels = {
  command: 'desktop:command',
  coreRestarted: coreRestartedChannel,
  setTheme: 'desktop:set-theme',
  reminderOpened: 'desktop:reminder-opened',
} as const

/** The part of Electron's webUtils the bridge uses. */
export interface BridgeFiles {
  getPathForFile(file: File): string
}

/** The part of Electron's ipcRenderer the bridge uses (a stand-in in tests). */
export interface BridgeIpc {
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  send(channel: string, ...args: unknown[]): void
}

/**
 * Built in the preload from ipcRenderer. Only well-formed messages reach the page, and the page
 * never sees the IPC event (which would hand it the sender).
 */
export function createDesktopBridge(ipc: BridgeIpc, files: BridgeFiles): DesktopBridge {
  return {
    onCommand(listener) {
      const relay = (_event: unknown, id: unknown) => {
        if (isCommandId(id)) listener(id)
      }
      ipc.on(desktopChannels.command, relay)
      return () => void ipc.removeListener(desktopChannels.command, relay)
    },
    onCoreRestarted(listener) {
      const relay = (_event: unknown, payload: unknown) => {
        if (typeof payload === 'object' && payload !== null && 'message' in payload && typeof payload.message === 'string') listener({ message: payload.message })
      }
      ipc.on(desktopChannels.coreRestarted, relay)
      return () => void ipc.removeListener(desktopChannels.coreRestarted, relay)
    },
    onReminderOpened(listener) {
      const relay = (_event: unknown, payload: unknown) => {
        const target = reminderTarget.safeParse(payload)
        if (target.success) listener(target.data)
      }
      ipc.on(desktopChannels.reminderOpened, relay)
      return () => void ipc.removeListener(desktopChannels.reminderOpened, relay)
    },
    pathOfFile: (file) => files.getPathForFile(file),
    setTheme(choice) {
      const parsed = themeChoice.safeParse(choice)
      if (parsed.success) ipc.send(desktopChannels.setTheme, parsed.data)
    },
  }
}
