import type { MenuItemConstructorOptions } from 'electron'
import { commands, type CommandGroup, type CommandId } from '@shared/domain/commands'

/** What the menu does beyond the command table: things only the desktop shell can do. */
export interface MenuActions {
  /** Hands a command to the focused window, which runs it as its own shortcut would. */
  command(id: CommandId): void
  openDataFolder(): void
  openLogFile(): void
  setSpellcheck(on: boolean): void
  showAbout(): void
}

export interface MenuContext {
  platform: NodeJS.Platform
  appName: string
  /** Reload and DevTools exist only in development. */
  isDev: boolean
  spellcheck: boolean
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/**
 * The application menu as data, by platform convention: the app menu first on macOS; File,
 * Edit, View, Go, Help elsewhere. A command's accelerator is shown but not registered: the
 * page handles the key itself (the same code in the browser host), so a menu never fires a
 * command twice. No click handler reads its arguments: the menu is rebuilt when what it shows
 * changes (the spelling checkbox), so each item knows its state from the context.
 */
export function appMenuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin'
  const commandItems = (group: CommandGroup): MenuItemConstructorOptions[] =>
    commands
      .filter((c) => c.group === group)
      .map((c) => ({ id: c.id, label: c.label, ...(c.accelerator ? { accelerator: c.accelerator, registerAccelerator: false } : {}), click: () => actions.command(c.id) }))

  const about: MenuItemConstructorOptions = { label: `About ${context.appName}`, click: () => actions.showAbout() }
  const appMenu: MenuItemConstructorOptions = {
    label: context.appName,
    submenu: [about, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  }
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      ...commandItems('File'),
      separator,
      { id: 'data-folder', label: 'Open data folder', click: () => actions.openDataFolder() },
      { id: 'log-file', label: 'Open log file', click: () => actions.openLogFile() },
      ...(mac ? [] : [separator, { role: 'quit' } satisfies MenuItemConstructorOptions]),
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } satisfies MenuItemConstructorOptions] : []),
      { role: 'selectAll' },
      separator,
      ...commandItems('Edit'),
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...commandItems('View'),
      // Off unless asked for: checking spelling has Chromium fetch dictionaries from Google.
      { id: 'spellcheck', label: 'Check spelling', type: 'checkbox', checked: context.spellcheck, click: () => actions.setSpellcheck(!context.spellcheck) },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(context.isDev ? [separator, { role: 'reload' } satisfies MenuItemConstructorOptions, { role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
    ],
  }
  const go: MenuItemConstructorOptions = { label: 'Go', submenu: commandItems('Go') }
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' }
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [...commandItems('Help'), ...(mac ? [] : [separator, about])] }

  return mac ? [appMenu, file, edit, view, go, windowMenu, help] : [file, edit, view, go, help]
}
