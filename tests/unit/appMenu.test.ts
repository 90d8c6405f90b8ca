import { describe, expect, it } from 'vitest'
import { appMenuTemplate, type MenuActions } from '../../electron/main/menu/appMenuTemplate'
import { commands, type CommandId } from '../../shared/domain/commands'

/** Electron's MenuItemConstructorOptions, as the template gives them (tests do not import electron). */
type MenuItemConstructorOptions = ReturnType<typeof appMenuTemplate>[number]

function recorder() {
  const calls: string[] = []
  const actions: MenuActions = {
    command: (id: CommandId) => void calls.push(id),
    openDataFolder: () => void calls.push('data-folder'),
    openLogFile: () => void calls.push('log-file'),
    setSpellcheck: (on) => void calls.push(`spellcheck:${on}`),
    showAbout: () => void calls.push('about'),
  }
  return { calls, actions }
}

const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => (Array.isArray(item?.submenu) ? item.submenu : [])
const everything = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => template.flatMap((top) => [top, ...everything(submenu(top))])
// Electron calls click(menuItem, window, event); the template's handlers read none of them.
const click = (item: MenuItemConstructorOptions | undefined): void => void Reflect.apply(item?.click ?? (() => undefined), undefined, [])
const labels = (template: MenuItemConstructorOptions[]) => template.map((m) => m.label ?? m.role)
const base = { appName: 'Pathfinder', isDev: false, spellcheck: false }

describe('the application menu', () => {
  it('follows macOS: the app menu first, Quit in it, a Window menu', () => {
    const template = appMenuTemplate({ ...base, platform: 'darwin' }, recorder().actions)
    expect(labels(template)).toEqual(['Pathfinder', 'File', 'Edit', 'View', 'Go', 'windowMenu', 'help'])
    expect(submenu(template[0]).some((m) => m.role === 'quit')).toBe(true)
    expect(submenu(template[1]).some((m) => m.role === 'quit')).toBe(false)
  })

  it('follows Windows and Linux: File, Edit, View, Go, Help, with Quit under File', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = appMenuTemplate({ ...base, platform }, recorder().actions)
      expect(labels(template)).toEqual(['File', 'Edit', 'View', 'Go', 'help'])
      expect(submenu(template[0]).at(-1)?.role).toBe('quit')
    }
  })

  it('offers every command of the table, each running its own', () => {
    const { calls, actions } = recorder()
    const items = everything(appMenuTemplate({ ...base, platform: 'linux' }, actions))
    for (const command of commands) {
      const item = items.find((m) => m.id === command.id)
      expect(item?.label, command.id).toBe(command.label)
      expect(item?.accelerator).toBe(command.accelerator)
      // Shown, not registered: the page handles the key, so the menu never runs it twice.
      expect(item?.registerAccelerator).toBe(command.accelerator ? false : undefined)
    }
    click(items.find((m) => m.id === 'go.reports'))
    expect(calls).toEqual(['go.reports'])
  })

  it('has Reload and DevTools only in development', () => {
    const roles = (isDev: boolean) => everything(appMenuTemplate({ ...base, isDev, platform: 'linux' }, recorder().actions)).map((m) => m.role)
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
  })

  it('keeps spelling off unless asked, and says so in its checkbox', () => {
    const { calls, actions } = recorder()
    const spell = everything(appMenuTemplate({ ...base, platform: 'linux' }, actions)).find((m) => m.id === 'spellcheck')
    expect(spell?.checked).toBe(false)
    expect(everything(appMenuTemplate({ ...base, spellcheck: true, platform: 'linux' }, actions)).find((m) => m.id === 'spellcheck')?.checked).toBe(true)
    click(spell)
    expect(calls).toEqual(['spellcheck:true'])
  })

  it('opens the data folder and the log from File, and has cut, copy and paste', () => {
    const { calls, actions } = recorder()
    const items = everything(appMenuTemplate({ ...base, platform: 'win32' }, actions))
    click(items.find((m) => m.id === 'data-folder'))
    click(items.find((m) => m.id === 'log-file'))
    expect(calls).toEqual(['data-folder', 'log-file'])
    expect(items.map((m) => m.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']))
  })
})
