import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { contract, createClient } from '@shared/contract'
import { createDesktopBridge } from '@shared/contract/desktop'
import { ipcChannelPrefix } from '@shared/contract/transport'

/**
 * The renderer's only door to the app: one function per contract channel, each forwarding
 * its input to the main process, which validates it. Nothing of ipcRenderer itself leaks.
 */
const api = createClient(contract, (channel, input) => ipcRenderer.invoke(ipcChannelPrefix + channel, input))

contextBridge.exposeInMainWorld('api', api)
// Menu commands and the core's restarts in, the window's theme out, dropped files' paths (shared/contract/desktop.ts).
contextBridge.exposeInMainWorld('desktop', createDesktopBridge(ipcRenderer, webUtils))
