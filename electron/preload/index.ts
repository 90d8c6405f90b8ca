import { contextBridge, ipcRenderer } from 'electron'
import { contract, createClient } from '@shared/contract'
import { coreRestartedChannel, type DesktopEvents } from '@shared/contract/coreEvents'
import { ipcChannelPrefix } from '@shared/contract/transport'

/**
 * The renderer's only door to the app: one function per contract channel, each forwarding
 * its input to the main process, which validates it. Nothing of ipcRenderer itself leaks.
 */
const api = createClient(contract, (channel, input) => ipcRenderer.invoke(ipcChannelPrefix + channel, input))

contextBridge.exposeInMainWorld('api', api)

/** What main says outside any call (the core's process restarted); only the message crosses, never the IPC event. */
const events: DesktopEvents = {
  onCoreRestarted(listener) {
    const forward = (_event: unknown, payload: unknown) => {
      if (typeof payload === 'object' && payload !== null && 'message' in payload && typeof payload.message === 'string') listener({ message: payload.message })
    }
    ipcRenderer.on(coreRestartedChannel, forward)
    return () => void ipcRenderer.removeListener(coreRestartedChannel, forward)
  },
}
contextBridge.exposeInMainWorld('pathfinderEvents', events)
