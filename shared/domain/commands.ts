/**
 * Everything a person can do from the keyboard or a menu, once. The desktop app's menu, the
 * renderer's shortcut handler and the shortcuts sheet are all built from this table, so a
 * shortcut shown is a shortcut that works, in both hosts.
 */
export type CommandId =
  | 'goal.new'
  | 'activity.log'
  | 'activity.import'
  | 'review.write'
  | 'report.export'
  | 'backup.now'
  | 'search.focus'
  | 'theme.toggle'
  | 'shortcuts.show'
  | 'palette.open'
  | `go.${ViewName}`

export type ViewName = 'dashboard' | 'roadmap' | 'goals' | 'activities' | 'reports' | 'timeline' | 'settings'

export type CommandGroup = 'File' | 'Edit' | 'View' | 'Go' | 'Help'

export interface Command {
  id: CommandId
  /** As a menu shows it; an ellipsis where a dialog follows. */
  label: string
  group: CommandGroup
  /**
   * Electron's accelerator syntax (CmdOrCtrl is Cmd on macOS, Ctrl elsewhere). The renderer
   * matches the same string against key events, so the menu and the page agree.
   */
  accelerator?: string
  /** A single key that works when no text field has focus ('?', '/'), as in many web apps. */
  key?: string
}

/** The views in sidebar order: CmdOrCtrl+1 is the first. */
export const views: readonly { name: ViewName; label: string; path: string }[] = [
  { name: 'dashboard', label: 'Dashboard', path: '/' },
  { name: 'roadmap', label: 'Roadmap', path: '/roadmap' },
  { name: 'goals', label: 'Goals', path: '/goals' },
  { name: 'activities', label: 'Activities', path: '/activities' },
  { name: 'reports', label: 'Reports', path: '/reports' },
  { name: 'timeline', label: 'Timeline', path: '/timeline' },
  { name: 'settings', label: 'Settings', path: '/settings' },
]

export const commands: readonly Command[] = [
  { id: 'goal.new', label: 'New goal…', group: 'File', accelerator: 'CmdOrCtrl+Shift+G' },
  { id: 'activity.log', label: 'Log activity…', group: 'File', accelerator: 'CmdOrCtrl+Shift+L' },
  { id: 'activity.import', label: 'Import activities…', group: 'File', accelerator: 'CmdOrCtrl+O' },
  { id: 'review.write', label: 'Weekly review…', group: 'File' },
  { id: 'report.export', label: 'Export a report…', group: 'File', accelerator: 'CmdOrCtrl+Shift+E' },
  { id: 'backup.now', label: 'Back up now', group: 'File', accelerator: 'CmdOrCtrl+Shift+B' },
  { id: 'search.focus', label: 'Search activities', group: 'Edit', accelerator: 'CmdOrCtrl+F', key: '/' },
  { id: 'palette.open', label: 'Go to or do anything…', group: 'Edit', accelerator: 'CmdOrCtrl+K' },
  { id: 'theme.toggle', label: 'Switch light and dark', group: 'View', accelerator: 'CmdOrCtrl+Shift+D' },
  ...views.map((view, index): Command => ({ id: `go.${view.name}`, label: view.label, group: 'Go', accelerator: `CmdOrCtrl+${index + 1}` })),
  { id: 'shortcuts.show', label: 'Keyboard shortcuts', group: 'Help', accelerator: 'CmdOrCtrl+/', key: '?' },
]

export const isCommandId = (value: unknown): value is CommandId => typeof value === 'string' && commands.some((c) => c.id === value)

/** The parts of a keyboard event an accelerator is matched against. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/**
 * Whether a key press is this accelerator on this platform. Letters compare case-blind (Shift
 * is a modifier of its own); CmdOrCtrl is the Meta key on macOS and Control elsewhere.
 */
export function matchesAccelerator(accelerator: string, press: KeyPress, mac: boolean): boolean {
  const parts = accelerator.split('+')
  const key = parts.pop()
  if (!key) return false
  const wants = new Set(parts)
  const primary = mac ? press.metaKey : press.ctrlKey
  const secondary = mac ? press.ctrlKey : press.metaKey
  if (wants.has('CmdOrCtrl') !== primary || secondary) return false
  if (wants.has('Shift') !== press.shiftKey || wants.has('Alt') !== press.altKey) return false
  return press.key.toLowerCase() === key.toLowerCase()
}

/** The command a key press asks for, if any. `typing` is true while a text field has focus. */
export function commandForKey(press: KeyPress, { mac, typing }: { mac: boolean; typing: boolean }): CommandId | undefined {
  const byAccelerator = commands.find((c) => c.accelerator !== undefined && matchesAccelerator(c.accelerator, press, mac))
  if (byAccelerator) return byAccelerator.id
  if (typing || press.ctrlKey || press.metaKey || press.altKey) return undefined
  return commands.find((c) => c.key === press.key)?.id
}

/** How an accelerator reads on this platform: ⌘⇧G on macOS, Ctrl+Shift+G elsewhere. */
export function acceleratorLabel(accelerator: string, mac: boolean): string {
  const names: Record<string, string> = mac ? { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥' } : { CmdOrCtrl: 'Ctrl', Shift: 'Shift', Alt: 'Alt' }
  const parts = accelerator.split('+').map((p) => names[p] ?? p.toUpperCase())
  return mac ? parts.join('') : parts.join('+')
}
