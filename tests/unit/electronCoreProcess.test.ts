import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { fail, ok, type Result } from '@shared/contract'
import type { IpcSender } from '../../electron/main/security'

// Electron's binary cannot run here: a stand-in utilityProcess records what main forks and sends.
const forked = vi.hoisted(() => [] as { modulePath: string; args: unknown; options: unknown; child: unknown }[])
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  class UtilityProcessStandIn extends Emitter {
    pid = 4242
    posted: unknown[] = []
    killed = false
    postMessage(message: unknown) {
      this.posted.push(message)
    }
    kill() {
      this.killed = true
      return true
    }
  }
  return {
    utilityProcess: {
      fork(modulePath: string, args: unknown, options: unknown) {
        const child = new UtilityProcessStandIn()
        forked.push({ modulePath, args, options, child })
        return child
      },
    },
  }
})
const { forkUtilityCore } = await import('../../electron/main/utilityCore')
const { coreEnv, coreExecArgv } = await import('../../electron/core/process/coreRuntime')
const { registerIpc } = await import('../../electron/main/ipc')

describe("main's Electron-specific parts of the core process", () => {
  it('forks the built core entry as a utility process and passes messages, exit and kill through', () => {
    const child = forkUtilityCore('/app/out/main/coreProcess.js', '/data/logs')()
    expect(forked).toHaveLength(1)
    expect(forked[0]).toMatchObject({ modulePath: '/app/out/main/coreProcess.js', args: ['/data/logs'], options: { serviceName: 'Pathfinder data', execArgv: [...coreExecArgv], env: coreEnv() } })
    const standIn = forked[0]?.child
    if (!(standIn instanceof EventEmitter)) throw new Error('no stand-in')
    const received: unknown[] = []
    const exits: (number | null)[] = []
    child.onMessage((message) => received.push(message))
    child.onExit((code) => exits.push(code))
    child.post({ type: 'close' })
    standIn.emit('message', { type: 'closed' })
    standIn.emit('exit', 0)
    child.kill()
    expect(child.pid).toBe(4242)
    expect(standIn).toMatchObject({ posted: [{ type: 'close' }], killed: true })
    expect(received).toEqual([{ type: 'closed' }])
    expect(exits).toEqual([0])
  })

  it('registers one handler per channel, answers only the app’s own top frame, and unregisters them all', async () => {
    const handlers = new Map<string, (event: IpcSender, input: unknown) => Promise<Result<unknown>> | Result<unknown>>()
    const ipcMain = {
      handle: (channel: string, listener: (event: IpcSender, input: unknown) => Promise<Result<unknown>> | Result<unknown>) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel),
    }
    const calls: [string, unknown][] = []
    const dispatcher = {
      channels: ['roadmap.get', 'goals.list'],
      dispatch: async (name: string, input: unknown) => {
        calls.push([name, input])
        return ok(name)
      },
    }
    const unregister = registerIpc(ipcMain, dispatcher, ['app://pathfinder'])
    expect([...handlers.keys()]).toEqual(['pathfinder:roadmap.get', 'pathfinder:goals.list'])
    const top = { url: 'app://pathfinder/index.html' }
    const handler = handlers.get('pathfinder:roadmap.get')
    expect(await handler?.({ senderFrame: top, sender: { mainFrame: top } }, { a: 1 })).toEqual(ok('roadmap.get'))
    expect(await handler?.({ senderFrame: { url: 'app://pathfinder/frame.html' }, sender: { mainFrame: top } }, {})).toEqual(fail('unavailable', 'This window may not use Pathfinder data.'))
    expect(calls).toEqual([['roadmap.get', { a: 1 }]])
    unregister()
    expect(handlers.size).toBe(0)
  })
})
