import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createDesktopBridge, desktopChannels, type BridgeIpc } from '../../shared/contract/desktop'
import type { CommandId } from '../../shared/domain/commands'

/** webUtils with no file on disk, for the tests that do not drop one. */
const noFiles = { getPathForFile: () => '' }

/** ipcRenderer as the preload sees it: events in, messages out. */
function standInIpc() {
  const emitter = new EventEmitter()
  const sent: unknown[][] = []
  const ipc: BridgeIpc = {
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
    send: (channel, ...args) => void sent.push([channel, ...args]),
  }
  return { ipc, sent, emit: (...args: unknown[]) => emitter.emit(desktopChannels.command, { sender: 'main' }, ...args) }
}

describe("the preload's desktop bridge", () => {
  it('hands the page menu commands by id, never the IPC event, and stops when asked', () => {
    const { ipc, emit } = standInIpc()
    const received: CommandId[] = []
    const stop = createDesktopBridge(ipc, noFiles).onCommand((id) => received.push(id))
    emit('go.reports')
    emit('goal.new')
    stop()
    emit('go.settings')
    expect(received).toEqual(['go.reports', 'goal.new'])
  })

  it('drops anything that is not a command', () => {
    const { ipc, emit } = standInIpc()
    const received: CommandId[] = []
    createDesktopBridge(ipc, noFiles).onCommand((id) => received.push(id))
    for (const junk of ['rm -rf', 42, { id: 'go.reports' }, undefined, 'go.']) emit(junk)
    expect(received).toEqual([])
  })

  it('sends only a real theme choice to main', () => {
    const { ipc, sent } = standInIpc()
    const bridge = createDesktopBridge(ipc, noFiles)
    bridge.setTheme('dark')
    Reflect.apply(bridge.setTheme, bridge, ['purple'])
    expect(sent).toEqual([[desktopChannels.setTheme, 'dark']])
  })

  it("gives the page a dropped file's place on disk, so the core reads it there", () => {
    const { ipc } = standInIpc()
    const bridge = createDesktopBridge(ipc, { getPathForFile: (file) => `/home/alex/Downloads/${file.name}` })
    expect(bridge.pathOfFile(new File(['date,kind,title'], 'log.csv'))).toBe('/home/alex/Downloads/log.csv')
  })
})

describe("the preload's reminder relay", () => {
  it('hands the page what a clicked notification opens, and nothing malformed', () => {
    const emitter = new EventEmitter()
    const ipc: BridgeIpc = { on: (c, l) => emitter.on(c, l), removeListener: (c, l) => emitter.removeListener(c, l), send: () => {} }
    const received: unknown[] = []
    const stop = createDesktopBridge(ipc, noFiles).onReminderOpened((target) => received.push(target))
    for (const payload of [{ kind: 'goal', goalId: 3 }, { kind: 'goal', goalId: '3' }, { kind: 'review', weekStart: '2027-03-22' }, { kind: 'file', path: '/etc' }, null])
      emitter.emit(desktopChannels.reminderOpened, { sender: 'main' }, payload)
    stop()
    emitter.emit(desktopChannels.reminderOpened, {}, { kind: 'goal', goalId: 4 })
    expect(received).toEqual([{ kind: 'goal', goalId: 3 }, { kind: 'review', weekStart: '2027-03-22' }])
  })
})
