import { commands, type Command, type CommandGroup } from './commands'

/** How a command reads in the palette: views as places to go, the rest as things to do. */
export const paletteLabel = (command: Command): string => (command.group === 'Go' ? `Go to ${command.label}` : command.label.replace(/…$/, ''))

/** Other words a person may type for a command ("add", "new", "record" for logging). */
const synonyms: Partial<Record<Command['id'], string>> = {
  'activity.log': 'add new record contribution pull request',
  'activity.import': 'git github csv',
  'goal.new': 'add create',
  'report.export': 'pdf markdown html',
  'backup.now': 'save copy',
  'theme.toggle': 'dark light mode colour color',
  'shortcuts.show': 'keys keyboard help',
  'search.focus': 'find',
}
const groupWords: Record<CommandGroup, string> = { File: 'file', Edit: 'edit', View: 'view', Go: 'go view page open', Help: 'help' }

/**
 * The commands a palette query names, best first: every word of the query must start a word
 * of the command (its label, group or synonyms), and a label that starts with the query wins.
 * An empty query lists them all, in table order. The palette itself is never in the list.
 */
export function searchCommands(query: string): Command[] {
  const wanted = query.toLowerCase().split(/\s+/).filter(Boolean)
  const listed = commands.filter((c) => c.id !== 'palette.open')
  if (wanted.length === 0) return [...listed]
  const scored: { command: Command; score: number }[] = []
  listed.forEach((command, index) => {
    const label = paletteLabel(command).toLowerCase()
    const words = `${label} ${groupWords[command.group]} ${synonyms[command.id] ?? ''}`.split(/[^a-z0-9]+/).filter(Boolean)
    if (!wanted.every((w) => words.some((word) => word.startsWith(w)))) return
    const inLabel = wanted.filter((w) => label.split(/[^a-z0-9]+/).some((word) => word.startsWith(w))).length
    const score = (label.startsWith(wanted.join(' ')) ? 1000 : 0) + inLabel * 10 - index / 100
    scored.push({ command, score })
  })
  return scored.sort((a, b) => b.score - a.score).map((s) => s.command)
}
