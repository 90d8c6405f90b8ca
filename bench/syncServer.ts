/**
 * The sync server's figure (issue 16's second transport): one change on A seen in B's SQLite
 * through a loopback automerge-repo sync server, each machine with a folder of its own so only
 * the server joins them. Small stores: the day-to-day case, not the initial sync.
 */
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Repo } from '@automerge/automerge-repo/slim'
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket'
import WebSocket from 'isomorphic-ws'
import { contract, createClient, type Api, type Result } from '@shared/contract'
import { createCore, type Core } from '../electron/core/core'
import { automerge } from '../electron/core/sync/automerge'
import { measure, type Timing } from './measure'

const silent = { error: () => {}, warn: () => {}, info: () => {} }

async function must<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const apiOf = (core: Core): Api => createClient(contract, (name, input) => core.dispatch(name, input))

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`Not seen within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export async function measureSyncServer(options: { contentDir: string; now: Date }): Promise<{ changeSeenMs: Timing }> {
  await automerge()
  const root = mkdtempSync(join(tmpdir(), 'pathfinder-bench-server-'))
  const wss = new WebSocket.Server({ port: 0, host: '127.0.0.1' })
  await once(wss, 'listening')
  const address = wss.address()
  const url = `ws://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
  const server = new Repo({ network: [new NodeWSServerAdapter(wss)], sharePolicy: () => Promise.resolve(false) })
  const cores: Core[] = []
  try {
    const machine = async (name: string): Promise<Core> => {
      mkdirSync(join(root, name, 'folder'), { recursive: true })
      const core = await createCore({ dataDir: join(root, name, 'data'), contentDir: options.contentDir, now: () => options.now, log: silent, sync: { watch: true, kdfCost: { logN: 12, r: 8, p: 1 } } })
      cores.push(core)
      await must(apiOf(core).sync.enable({ folder: join(root, name, 'folder'), passphrase: 'bench passphrase, long enough', deviceName: name }))
      await must(apiOf(core).sync.setServer({ url, roomSecret: 'bench room secret, long enough' }))
      return core
    }
    const a = await machine('a')
    const b = await machine('b')
    let n = 0
    const changeSeenMs = await measure(
      async () => {
        const title = `Seen on B through the server ${n++}`
        await must(apiOf(a).goals.create({ title }))
        await waitFor(() => b.db.prepare('SELECT 1 FROM goal WHERE title = ?').get(title) !== undefined, 30_000)
      },
      { warmup: 2, minRuns: 10, maxRuns: 20, budgetMs: 10_000 },
    )
    return { changeSeenMs }
  } finally {
    for (const core of cores) core.close()
    for (const client of wss.clients) client.terminate()
    await server.shutdown()
    wss.close()
    rmSync(root, { recursive: true, force: true })
  }
}
