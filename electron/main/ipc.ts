import { fail, type Result } from '@shared/contract'
import { ipcChannelPrefix } from '@shared/contract/transport'
import type { Dispatcher } from '../core/ipc/dispatcher'
import { isTrustedSender, type IpcSender } from './security'

/** The part of Electron's ipcMain the bridge uses: a stand-in drives it in tests, where Electron cannot run. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSender, input: unknown) => Promise<Result<unknown>> | Result<unknown>): void
  removeHandler(channel: string): void
}

/** One ipcMain handler per contract channel, each gated on the sender, each answering a Result. */
export function registerIpc(ipcMain: IpcMainLike, dispatcher: Dispatcher, allowedOrigins: readonly string[]): () => void {
  const channels = [...dispatcher.channels]
  for (const name of channels) {
    ipcMain.handle(ipcChannelPrefix + name, (event, input) => {
      if (!isTrustedSender(event, allowedOrigins)) return fail('unavailable', 'This window may not use Pathfinder data.')
      return dispatcher.dispatch(name, input)
    })
  }
  return () => channels.forEach((name) => ipcMain.removeHandler(ipcChannelPrefix + name))
}
