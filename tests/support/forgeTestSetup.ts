import { z } from 'zod'
import { memorySecretStore } from '../../electron/core/host/hostServices'
import { ok, tableCounts } from './activitySupport'
import { apiOf } from './api'
import { openTempCore } from './tempCore'

/**
 * A core whose host keeps secrets in memory (as the web host does), its typed client, and what
 * a forge import may touch, to check nothing changed after a failure.
 */
export async function openForgeCore(now: Date, forge: 'gitlab' | 'gitea' | 'bitbucket') {
  const secrets = memorySecretStore()
  const core = await openTempCore({ now: () => now, host: { kind: 'browser', secrets } })
  const api = apiOf(core)
  const kept = async () => {
    const raw = await secrets.get(`${forge}.tokens`)
    return raw === undefined ? {} : z.record(z.string(), z.string()).parse(JSON.parse(raw))
  }
  const stored = async () => ({ ...tableCounts(core.db), private: await ok(api.reports.privateRepositories(undefined)) })
  const rows = async () => (await ok(api.activities.list({ sort: 'date-asc' }))).rows.map((r) => [r.kind, r.date, r.repo, r.state, r.title, r.externalKey])
  return { core, api, kept, stored, rows }
}

/** Lets the event loop turn until `done` holds: for waiting on a request to reach a loopback server, never on a clock. */
export async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve))
}
