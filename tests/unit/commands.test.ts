import { describe, expect, it } from 'vitest'
import { acceleratorLabel, commandForKey, commands, matchesAccelerator, type KeyPress } from '../../shared/domain/commands'

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('the command table', () => {
  it('gives every command its own accelerator and its own id', () => {
    const accelerators = commands.flatMap((c) => (c.accelerator ? [c.accelerator] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
    expect(new Set(commands.map((c) => c.id)).size).toBe(commands.length)
  })

  it('reaches the seven views with CmdOrCtrl+1 to 7, in sidebar order', () => {
    expect(commandForKey(press('1', { ctrlKey: true }), { mac: false, typing: false })).toBe('go.dashboard')
    expect(commandForKey(press('7', { metaKey: true }), { mac: true, typing: false })).toBe('go.settings')
    expect(commandForKey(press('8', { ctrlKey: true }), { mac: false, typing: false })).toBeUndefined()
  })

  it('reads CmdOrCtrl as Cmd on macOS and Ctrl elsewhere, and no other', () => {
    expect(matchesAccelerator('CmdOrCtrl+Shift+G', press('G', { ctrlKey: true, shiftKey: true }), false)).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+Shift+G', press('G', { metaKey: true, shiftKey: true }), true)).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+Shift+G', press('G', { ctrlKey: true, shiftKey: true }), true)).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+Shift+G', press('g', { ctrlKey: true }), false)).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+F', press('f', { ctrlKey: true, altKey: true }), false)).toBe(false)
  })

  it("lets single keys work only while nothing is being typed, so '?' and '/' still type in a field", () => {
    expect(commandForKey(press('?', { shiftKey: true }), { mac: false, typing: false })).toBe('shortcuts.show')
    expect(commandForKey(press('/'), { mac: false, typing: false })).toBe('search.focus')
    expect(commandForKey(press('/'), { mac: false, typing: true })).toBeUndefined()
    expect(commandForKey(press('?', { shiftKey: true }), { mac: false, typing: true })).toBeUndefined()
    // An accelerator works in a field too: it is not text.
    expect(commandForKey(press('l', { ctrlKey: true, shiftKey: true }), { mac: false, typing: true })).toBe('activity.log')
  })

  it('writes shortcuts the way each platform does', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+G', true)).toBe('⌘⇧G')
    expect(acceleratorLabel('CmdOrCtrl+Shift+G', false)).toBe('Ctrl+Shift+G')
    expect(acceleratorLabel('CmdOrCtrl+/', false)).toBe('Ctrl+/')
  })
})
