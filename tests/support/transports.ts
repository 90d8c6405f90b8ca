import { contract, createClient, type Api } from '@shared/contract'
import { createHttpInvoke } from '../../renderer/src/api/httpTransport'
import { startWebHost, type WebHost } from '../../electron/web/server'
import type { Core } from '../../electron/core/core'
import { repoRoot } from './tempCore'
import { join } from 'node:path'

export interface Transport {
  name: 'direct' | 'http'
  api: Api
  close(): Promise<void>
}

/** The registry called in-process, as the IPC bridge does after the wire. */
export const directTransport = (core: Core): Transport => ({
  name: 'direct',
  api: createClient(contract, (channel, input) => core.dispatch(channel, input)),
  close: async () => {},
})

/** The same core behind the real web host, called with the renderer's own HTTP transport. */
export async function httpTransport(core: Core): Promise<Transport & { host: WebHost }> {
  const host = await startWebHost({ dispatcher: core, rendererDir: join(repoRoot, 'out', 'renderer') })
  return {
    name: 'http',
    host,
    api: createClient(contract, createHttpInvoke(`http://127.0.0.1:${host.port}`, { Authorization: `Bearer ${host.token}` })),
    close: () => host.close(),
  }
}
