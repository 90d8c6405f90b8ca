/**
 * The web host's HTTP bridge against the same call made directly on the dispatcher: the real
 * server (startWebHost) and the renderer's own HTTP transport, in this process over loopback.
 */
import { contract, createClient, type Api, type Result } from '@shared/contract'
import type { Core } from '../electron/core/core'
import { startWebHost } from '../electron/web/server'
import { createHttpInvoke } from '../renderer/src/api/httpTransport'
import { measurePair, type MeasureOptions, type Timing } from './measure'

export interface BridgeFigure {
  id: string
  label: string
  direct: Timing
  http: Timing
  /** Median over HTTP minus median direct. */
  overheadMs: number
}

async function must<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/** Each call direct and over HTTP; `options` for the measure (one run each in the unit test). */
export async function measureBridge(core: Core, rendererDir: string, options: MeasureOptions = {}): Promise<BridgeFigure[]> {
  const host = await startWebHost({ dispatcher: core, rendererDir })
  try {
    const direct: Api = createClient(contract, (name, input) => core.dispatch(name, input))
    const http: Api = createClient(contract, createHttpInvoke(`http://127.0.0.1:${host.port}`, { Authorization: `Bearer ${host.token}` }))
    const calls: { id: string; label: string; call: (api: Api) => Promise<unknown> }[] = [
      { id: 'bridge.listPaths', label: 'roadmap.listPaths (a few bytes)', call: (api) => must(api.roadmap.listPaths(undefined)) },
      { id: 'bridge.summary', label: 'progress.summary', call: (api) => must(api.progress.summary(undefined)) },
      { id: 'bridge.listPage', label: 'activities.list, 100 rows', call: (api) => must(api.activities.list({ limit: 100 })) },
    ]
    const figures: BridgeFigure[] = []
    for (const { id, label, call } of calls) {
      const [d, h] = await measurePair(() => call(direct), () => call(http), options)
      figures.push({ id, label, direct: d, http: h, overheadMs: h.medianMs - d.medianMs })
    }
    return figures
  } finally {
    await host.close()
  }
}
