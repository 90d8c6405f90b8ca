import { describe, expect, it } from 'vitest'
import { paletteLabel, searchCommands } from '../../shared/domain/commandSearch'
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

describe('the command palette search', () => {
  it('lists every command but itself for an empty query, views named as places to go', () => {
    const all = searchCommands('  ')
    expect(all.map((c) => c.id)).toEqual(commands.filter((c) => c.id !== 'palette.open').map((c) => c.id))
    expect(all.map(paletteLabel)).toContain('Go to Activities')
    expect(all.map(paletteLabel)).toContain('Log activity')
  })

  it('keeps the commands whose words start with every word typed, the best match first', () => {
    expect(searchCommands('log').map((c) => c.id)[0]).toBe('activity.log')
    expect(searchCommands('go set').map((c) => c.id)).toEqual(['go.settings'])
    expect(searchCommands('ACT').map((c) => c.id)).toEqual(expect.arrayContaining(['activity.log', 'activity.import', 'go.activities', 'search.focus']))
    expect(searchCommands('dark').map((c) => c.id)).toEqual(['theme.toggle'])
    expect(searchCommands('record').map((c) => c.id)).toEqual(['activity.log'])
    expect(searchCommands('zzz')).toEqual([])
    expect(searchCommands('palette')).toEqual([])
  })

  it('opens with CmdOrCtrl+K, in a field too', () => {
    expect(commandForKey(press('k', { ctrlKey: true }), { mac: false, typing: true })).toBe('palette.open')
    expect(commandForKey(press('k', { metaKey: true }), { mac: true, typing: false })).toBe('palette.open')
  })
})
