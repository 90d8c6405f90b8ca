import type { MenuItemConstructorOptions } from 'electron'

/** The parts of Electron's ContextMenuParams the menu reads. */
export interface ContextMenuFacts {
  isEditable: boolean
  selectionText: string
  linkURL: string
  misspelledWord: string
  dictionarySuggestions: string[]
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean }
}

export interface ContextMenuActions {
  replaceMisspelling(word: string): void
  addToDictionary(word: string): void
  /** Through the same http(s)-only guard as every link that leaves the app. */
  openLink(url: string): void
  copyText(text: string): void
}

const separator: MenuItemConstructorOptions = { type: 'separator' }

/** Groups with a separator between them, and none at either end or twice in a row. */
const joined = (groups: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] =>
  groups.filter((g) => g.length > 0).flatMap((g, i) => (i === 0 ? g : [separator, ...g]))

/**
 * The right-click menu: spelling suggestions (only when the person turned spelling on, since
 * only then does Chromium report a misspelled word), cut/copy/paste as the field allows, copy
 * for selected text, and a link's own actions. Empty where there is nothing to offer.
 */
export function contextMenuTemplate(facts: ContextMenuFacts, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const spelling: MenuItemConstructorOptions[] = facts.misspelledWord
    ? [
        ...facts.dictionarySuggestions.slice(0, 5).map((word) => ({ label: word, click: () => actions.replaceMisspelling(word) })),
        ...(facts.dictionarySuggestions.length === 0 ? [{ label: 'No suggestions', enabled: false }] : []),
        { label: 'Add to dictionary', click: () => actions.addToDictionary(facts.misspelledWord) },
      ]
    : []
  const link: MenuItemConstructorOptions[] = facts.linkURL
    ? [
        { label: 'Open link in browser', click: () => actions.openLink(facts.linkURL) },
        { label: 'Copy link address', click: () => actions.copyText(facts.linkURL) },
      ]
    : []
  const editing: MenuItemConstructorOptions[] = facts.isEditable
    ? [
        { role: 'cut', enabled: facts.editFlags.canCut },
        { role: 'copy', enabled: facts.editFlags.canCopy },
        { role: 'paste', enabled: facts.editFlags.canPaste },
        separator,
        { role: 'selectAll', enabled: facts.editFlags.canSelectAll },
      ]
    : facts.selectionText.trim()
      ? [{ role: 'copy' }]
      : []
  return joined([spelling, link, editing])
}
