/**
 * How long the parent's event loop stops while the core works: the thread that, in the app,
 * draws the window and answers its input. Measured with the core in this process (as main ran
 * it before) and in its own process over the process protocol (a Node child standing in for
 * Electron's utility process), on the same data, for the year's report and for a backup.
 */
import { contract, createClient, type Api, type Result } from '@shared/contract'
import type { ReportOptionsInput } from '@shared/contract/reports'
import { createCore } from '../electron/core/core'
import type { Dispatcher } from '../electron/core/ipc/dispatcher'
import { browserHost } from '../electron/core/host/hostServices'
import type { SpawnCore } from '../electron/core/process/coreChild'
import { startCoreProcess } from '../electron/core/process/coreProcess'
import { percentile } from './measure'

export interface BlockFigure {
  id: string
  label: string
  /** 'idle': no work at all, the machine's own noise in the same probe. */
  where: 'in-process' | 'core process' | 'idle'
  /** The longest stop of the parent's event loop, per run: median and worst. */
  medianBlockMs: number
  worstBlockMs: number
  /** How long the call took, median (the child's adds the wire). */
  medianCallMs: number
  runs: number
}

export interface BlockOptions {
  dataDir: string
  contentDir: string
  spawn: SpawnCore
  reportInput: ReportOptionsInput
  runs: number
}

async function must<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/**
 * The longest gap between ticks of a 1 ms interval while `work` runs, the last stretch up to
 * its answer included: a synchronous call in this process shows as one gap as long as itself.
 * (monitorEventLoopDelay would miss that one: its timer fires only after the work is awaited.)
 */
async function longestStop(work: () => Promise<unknown>): Promise<{ blockMs: number; callMs: number }> {
  let last = performance.now()
  let longest = 0
  const probe = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 1)
  const started = performance.now()
  try {
    await work()
  } finally {
    clearInterval(probe)
  }
  const answered = performance.now()
  return { blockMs: Math.max(longest, answered - last), callMs: answered - started }
}

const idOf = (id: string, where: BlockFigure['where']) => `block.${id}.${{ 'in-process': 'inProcess', 'core process': 'coreProcess', idle: 'idle' }[where]}`

async function measureWorks(works: { id: string; label: string; work: () => Promise<unknown> }[], where: BlockFigure['where'], runCount: number): Promise<BlockFigure[]> {
  const figures: BlockFigure[] = []
  for (const { id, label, work } of works) {
    await work()
    const runs: { blockMs: number; callMs: number }[] = []
    for (let i = 0; i < runCount; i++) runs.push(await longestStop(work))
    const blocks = runs.map((r) => r.blockMs).sort((a, b) => a - b)
    figures.push({
      id: idOf(id, where),
      label,
      where,
      medianBlockMs: percentile(blocks, 50),
      worstBlockMs: blocks.at(-1) ?? Number.NaN,
      medianCallMs: percentile(runs.map((r) => r.callMs).sort((a, b) => a - b), 50),
      runs: runs.length,
    })
  }
  return figures
}

async function measureOn(dispatcher: Dispatcher, where: BlockFigure['where'], options: BlockOptions): Promise<BlockFigure[]> {
  const api: Api = createClient(contract, (name, input) => dispatcher.dispatch(name, input))
  const works = [
    { id: 'report.html', label: 'the year report as HTML', work: () => must(api.reports.render({ options: options.reportInput, format: 'html' })) },
    { id: 'report.json', label: 'the year report as JSON', work: () => must(api.reports.render({ options: options.reportInput, format: 'json' })) },
    { id: 'backup', label: 'a backup', work: () => must(api.backups.create(undefined)) },
  ]
  return measureWorks(works, where, options.runs)
}

/** Before (in this process) and after (in the core's own process), one after the other on the same folder. */
export async function measureMainThreadBlock(options: BlockOptions): Promise<BlockFigure[]> {
  const silent = { error: () => {}, warn: () => {}, info: () => {} }
  // What a stop looks like with nothing running: on a shared machine the scheduler alone makes some.
  const idle = await measureWorks([{ id: 'nothing', label: 'nothing (a 150 ms wait)', work: () => new Promise((resolve) => setTimeout(resolve, 150)) }], 'idle', options.runs)
  // The real clock on both sides: the child's core has no other, and the report's period is given in dates.
  const inProcess = await createCore({ dataDir: options.dataDir, contentDir: options.contentDir, log: silent })
  let before: BlockFigure[]
  try {
    before = await measureOn(inProcess, 'in-process', options)
  } finally {
    inProcess.close()
  }
  const child = await startCoreProcess({ spawn: options.spawn, dataDir: options.dataDir, contentDir: options.contentDir, host: browserHost(), decide: async () => 'quit', log: silent })
  if (!child) throw new Error('The core process did not open the store.')
  try {
    return [...idle, ...before, ...(await measureOn(child, 'core process', options))]
  } finally {
    await child.close()
  }
}
