import { ipcMain } from 'electron'
import { fail } from '@shared/contract'
import { ipcChannelPrefix } from '@shared/contract/transport'
import type { Dispatcher } from '../core/ipc/dispatcher'
import { isTrustedSender } from './security'

/** One ipcMain handler per contract channel, each gated on the sender, each answering a Result. */
export function registerIpc(dispatcher: Dispatcher, allowedOrigins: readonly string[]): () => void {
  for (const name of dispatcher.channels) {
    ipcMain.handle(ipcChannelPrefix + name, (event, input: unknown) => {
      if (!isTrustedSender(event, allowedOrigins)) return fail('unavailable', 'This window may not use Pathfinder data.')
      return dispatcher.dispatch(name, input)
    })
  }
  return () => dispatcher.channels.forEach((name) => ipcMain.removeHandler(ipcChannelPrefix + name))
}
