import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDataset, tinySize, type GeneratedDataset } from '../../bench/generate'
import { measureBridge } from '../../bench/bridge'
import { measureMainThreadBlock } from '../../bench/mainThreadBlock'
import { coreOperations, reportInputFor, type Operation } from '../../bench/operations'
import { forkNodeCore } from '../../electron/core/process/nodeCoreChild'
import { buildNodeScripts } from '../support/nodeScripts'
import { contentDir, makeTempDir, openTempCore, repoRoot } from '../support/tempCore'

// The benchmark, proven to still work on a small data set. Nothing here is timed.
const end = '2026-03-18'
const now = new Date(`${end}T12:00:00.000Z`)

describe('benchmark', () => {
  let dataset: GeneratedDataset
  let core: Awaited<ReturnType<typeof openTempCore>>
  let operations: Operation[]

  beforeAll(async () => {
    const dataDir = makeTempDir('pathfinder-bench-test-')
    dataset = await generateDataset({ dataDir, contentDir, size: tinySize, end })
    core = await openTempCore({ dataDir, now: () => now })
    operations = await coreOperations(core, dataset, { pageSize: 20, laterPage: 3, now })
  })
  afterAll(() => {
    core?.dispose()
    if (dataset) rmSync(dataset.dataDir, { recursive: true, force: true })
  })

  it('generates the history it was asked for', () => {
    expect(dataset.rows.activity).toBe(tinySize.activities)
    expect(dataset.rows.goal).toBe(tinySize.goals)
    expect(dataset.rows.milestone).toBe(tinySize.milestones)
    expect(dataset.rows.custom_item).toBe(tinySize.customItems)
    expect(dataset.rows.item_state_history).toBeGreaterThan(dataset.rows.item_state ?? 0)
  })

  it('generates the same rows from the same seed', async () => {
    const again = makeTempDir('pathfinder-bench-test-')
    try {
      const second = await generateDataset({ dataDir: again, contentDir, size: tinySize, end })
      expect(second.rows).toEqual(dataset.rows)
      expect(second.sample).toEqual(dataset.sample)
    } finally {
      rmSync(again, { recursive: true, force: true })
    }
  })

  it('runs every measured operation with a plausible answer, the same as its SQL baseline', async () => {
    expect(operations.map((o) => o.id)).toEqual(
      expect.arrayContaining(['summary', 'goalsList', 'listFirst', 'listLater', 'listJump', 'search', 'stats', 'reportModel', 'report.markdown', 'report.html', 'report.json']),
    )
    for (const operation of operations) {
      const { ours, baseline, problems } = await operation.verify()
      expect(problems, operation.id).toEqual([])
      if (operation.baseline) expect(baseline, operation.id).toEqual(ours)
    }
  })
  it('calls the web host over HTTP and directly, once each', async () => {
    const figures = await measureBridge(core, join(repoRoot, 'out', 'renderer'), { warmup: 0, minRuns: 1, maxRuns: 1, budgetMs: 0 })
    expect(figures.map((f) => f.id)).toEqual(['bridge.listPaths', 'bridge.summary', 'bridge.listPage'])
    for (const f of figures) expect([f.direct.runs, f.http.runs]).toEqual([1, 1])
  })

  it("times the parent's event loop with the core in process and in its own process, once each", { timeout: 60_000 }, async () => {
    const dataDir = makeTempDir('pathfinder-bench-test-')
    const scripts = await buildNodeScripts([join(repoRoot, 'electron', 'core', 'process', 'coreProcessEntry.ts')])
    try {
      await generateDataset({ dataDir, contentDir, size: tinySize, end })
      const figures = await measureMainThreadBlock({ dataDir, contentDir, spawn: forkNodeCore(scripts.path('coreProcessEntry')), reportInput: reportInputFor(now), runs: 1 })
      expect(figures.map((f) => f.id)).toEqual([
        'block.nothing.idle',
        'block.report.html.inProcess',
        'block.report.json.inProcess',
        'block.backup.inProcess',
        'block.report.html.coreProcess',
        'block.report.json.coreProcess',
        'block.backup.coreProcess',
      ])
      for (const f of figures) expect([f.runs, Number.isFinite(f.medianBlockMs), f.medianCallMs > 0]).toEqual([1, true, true])
    } finally {
      scripts.dispose()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
