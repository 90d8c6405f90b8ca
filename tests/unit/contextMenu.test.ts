import { describe, expect, it } from 'vitest'
import { contextMenuTemplate, type ContextMenuActions, type ContextMenuFacts } from '../../electron/main/menu/contextMenuTemplate'

type Item = ReturnType<typeof contextMenuTemplate>[number]
// Electron calls click(menuItem, window, event); these handlers read none of them.
const click = (item: Item | undefined): void => void Reflect.apply(item?.click ?? (() => undefined), undefined, [])

const facts = (over: Partial<ContextMenuFacts> = {}): ContextMenuFacts => ({
  isEditable: false,
  selectionText: '',
  linkURL: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: { canCut: false, canCopy: false, canPaste: false, canSelectAll: false },
  ...over,
})

function recorder() {
  const calls: string[] = []
  const actions: ContextMenuActions = {
    replaceMisspelling: (w) => void calls.push(`replace:${w}`),
    addToDictionary: (w) => void calls.push(`add:${w}`),
    openLink: (u) => void calls.push(`open:${u}`),
    copyText: (t) => void calls.push(`copy:${t}`),
  }
  return { calls, actions }
}

const shape = (items: Item[]) => items.map((i) => i.role ?? i.label ?? i.type)

describe('the right-click menu', () => {
  it('offers cut, copy, paste and select all in a text field, as the field allows', () => {
    const items = contextMenuTemplate(facts({ isEditable: true, editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true } }), recorder().actions)
    expect(shape(items)).toEqual(['cut', 'copy', 'paste', 'separator', 'selectAll'])
    expect(items.map((i) => i.enabled)).toEqual([false, false, true, undefined, true])
  })

  it('offers copy for selected text outside a field, and nothing where nothing is selected', () => {
    expect(shape(contextMenuTemplate(facts({ selectionText: 'Fix async errors' }), recorder().actions))).toEqual(['copy'])
    expect(contextMenuTemplate(facts({ selectionText: '  ' }), recorder().actions)).toEqual([])
  })

  it("puts a misspelled word's suggestions first, and runs the one chosen", () => {
    const { calls, actions } = recorder()
    const items = contextMenuTemplate(facts({ isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive', 'relieve'] }), actions)
    expect(shape(items).slice(0, 4)).toEqual(['receive', 'relieve', 'Add to dictionary', 'separator'])
    click(items[0])
    click(items[2])
    expect(calls).toEqual(['replace:receive', 'add:recieve'])
  })

  it("opens a link through the app's guard and copies its address", () => {
    const { calls, actions } = recorder()
    const items = contextMenuTemplate(facts({ linkURL: 'https://github.com/expressjs/express/pull/6001' }), actions)
    expect(shape(items)).toEqual(['Open link in browser', 'Copy link address'])
    items.forEach(click)
    expect(calls).toEqual(['open:https://github.com/expressjs/express/pull/6001', 'copy:https://github.com/expressjs/express/pull/6001'])
  })
})
