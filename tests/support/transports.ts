import { contract, createClient, type Api, type Result } from '@shared/contract'
import { createHttpInvoke } from '../../renderer/src/api/httpTransport'
import { startWebHost, type WebHost } from '../../electron/web/server'
import type { Core } from '../../electron/core/core'
import type { Dispatcher } from '../../electron/core/ipc/dispatcher'
import { browserHost, type HostServices } from '../../electron/core/host/hostServices'
import { forkNodeCore } from '../../electron/core/process/nodeCoreChild'
import { startCoreProcess, type CoreProcess, type CoreProcessOptions } from '../../electron/core/process/coreProcess'
import { contentDir, repoRoot } from './tempCore'
import { join } from 'node:path'

export interface Transport {
  name: 'direct' | 'http' | 'process'
  api: Api
  /** The wire without the client's types, for inputs the types would refuse. */
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>
  close(): Promise<void>
}

/** The registry called in-process, as the IPC bridge does after the wire. */
export const directTransport = (core: Core): Transport => ({
  name: 'direct',
  api: createClient(contract, (channel, input) => core.dispatch(channel, input)),
  dispatch: (channel, input) => core.dispatch(channel, input),
  close: async () => {},
})

/**
 * The core in its own process, as the desktop app runs it, over the process protocol; a Node
 * child stands in for Electron's utility process. `entry` is the built coreProcessEntry.
 */
export async function startProcessCore(entry: string, dataDir: string, overrides: Partial<CoreProcessOptions> = {}): Promise<CoreProcess> {
  const silent = { error: () => {}, warn: () => {}, info: () => {} }
  const host: HostServices = overrides.host ?? browserHost()
  const core = await startCoreProcess({ spawn: forkNodeCore(entry), dataDir, contentDir, host, decide: async () => 'quit', log: silent, ...overrides })
  if (!core) throw new Error('The core process did not open the store.')
  return core
}

/** Any dispatcher (the process core) as a transport. */
export const dispatcherTransport = (name: Transport['name'], dispatcher: Dispatcher & { close(): Promise<void> | void }): Transport => ({
  name,
  api: createClient(contract, (channel, input) => dispatcher.dispatch(channel, input)),
  dispatch: (channel, input) => dispatcher.dispatch(channel, input),
  close: async () => dispatcher.close(),
})

/** The same core behind the real web host, called with the renderer's own HTTP transport. */
export async function httpTransport(core: Dispatcher): Promise<Transport & { host: WebHost }> {
  const host = await startWebHost({ dispatcher: core, rendererDir: join(repoRoot, 'out', 'renderer') })
  return {
    name: 'http',
    host,
    api: createClient(contract, createHttpInvoke(`http://127.0.0.1:${host.port}`, { Authorization: `Bearer ${host.token}` })),
    dispatch: createHttpInvoke(`http://127.0.0.1:${host.port}`, { Authorization: `Bearer ${host.token}` }),
    close: () => host.close(),
  }
}
