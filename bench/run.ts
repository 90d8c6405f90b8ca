/**
 * `npm run bench`: generates ten years of history, times the app on it in one process run,
 * prints a table and writes bench/results.json (and, with --readme, the README's figures).
 *
 *   npm run bench -- [--activities N] [--skip-browser] [--skip-imports | --imports-only | --forges-only] [--csv-rows N] [--forge-items N] [--readme] [--keep] [--end YYYY-MM-DD]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, freemem, getPriority, loadavg, setPriority, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { toIsoDate } from '@shared/domain/dates'
import { createCore } from '../electron/core/core'
import { forkNodeCore } from '../electron/core/process/nodeCoreChild'
import { measureBridge, type BridgeFigure } from './bridge'
import { measureMainThreadBlock, type BlockFigure } from './mainThreadBlock'
import type { BrowserFigures } from './browser'
import { describeDataset, fullSize, generateDataset, type GeneratedDataset } from './generate'
import { measure, measurePair, round, type Timing } from './measure'
import { measureCsvImport, measureRoundTrip } from './imports'
import { measureForgeImports } from './forgeImports'
import { coreOperations, reportInputFor } from './operations'
import { chromiumLaunchOptions, createPdfPrinter } from '../electron/web/pdf'
import { measureSync } from './sync'
import { measureSyncServer } from './syncServer'

const appRoot = resolve(import.meta.dirname, '..', '..')
const contentDir = join(appRoot, 'data', 'paths')
const silent = { error: () => {}, warn: () => {}, info: () => {} }

export interface Figure {
  id: string
  label: string
  unit: 'ms' | 'MB'
  median: number
  p95: number | null
  runs: number
  baselineMedian: number | null
  /** ours / baseline, medians. */
  ratio: number | null
  target: number | null
  pass: boolean | null
}

function machine() {
  const cpuModel = (() => {
    try {
      return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown'
    } catch {
      return cpus()[0]?.model ?? 'unknown'
    }
  })()
  return {
    cpus: cpus().length,
    cpuModel,
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGb: Math.round((freemem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
  }
}

function figure(id: string, label: string, t: Timing, target: number | null, baseline: Timing | null = null): Figure {
  const ratio = baseline ? t.medianMs / baseline.medianMs : null
  const within = target === null ? null : t.medianMs <= target
  return {
    id,
    label,
    unit: 'ms',
    median: round(t.medianMs),
    p95: round(t.p95Ms),
    runs: t.runs,
    baselineMedian: baseline ? round(baseline.medianMs) : null,
    ratio: ratio === null ? null : Math.round(ratio * 100) / 100,
    target,
    pass: within === null ? null : within && (ratio === null || ratio <= 1.5),
  }
}

const single = (id: string, label: string, value: number, unit: Figure['unit'], target: number | null): Figure => ({
  id,
  label,
  unit,
  median: round(value),
  p95: null,
  runs: 1,
  baselineMedian: null,
  ratio: null,
  target,
  pass: target === null ? null : value <= target,
})

function table(figures: Figure[]): string {
  const head = ['operation', 'median', 'p95', 'runs', 'SQL baseline', 'ratio', 'target', '']
  const rows = figures.map((f) => [
    f.label,
    `${f.median} ${f.unit}`,
    f.p95 === null ? '' : `${f.p95} ${f.unit}`,
    String(f.runs),
    f.baselineMedian === null ? '' : `${f.baselineMedian} ms`,
    f.ratio === null ? '' : f.ratio.toFixed(2),
    f.target === null ? '' : `< ${f.target} ${f.unit}${f.ratio === null ? '' : ', ratio <= 1.5'}`,
    f.pass === null ? '' : f.pass ? 'ok' : 'MISSED',
  ])
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      activities: { type: 'string' },
      end: { type: 'string' },
      'skip-browser': { type: 'boolean', default: false },
      /** Leaves out the CSV import and the export/import round trip. */
      'skip-imports': { type: 'boolean', default: false },
      /** Only the CSV import and the export/import round trip (with --data-dir, on a kept folder). */
      'imports-only': { type: 'boolean', default: false },
      /** Rows of the CSV file previewed and imported. */
      'csv-rows': { type: 'string', default: '100000' },
      /** Only the forge imports (GitLab, Gitea, Bitbucket) from loopback servers; no data set is generated. */
      'forges-only': { type: 'boolean', default: false },
      /** Items each forge serves. */
      'forge-items': { type: 'string', default: '2000' },
      /** Leaves out sync (a copy of the data synced to an empty second machine). */
      'skip-sync': { type: 'boolean', default: false },
      /** Only sync's figures. */
      'sync-only': { type: 'boolean', default: false },
      /** Only the browser part, e.g. on a folder kept from an earlier run (--data-dir). */
      'browser-only': { type: 'boolean', default: false },
      /** Only how long the parent's event loop stops, core in process vs in its own (e.g. with --data-dir). */
      'blocks-only': { type: 'boolean', default: false },
      /** Only the year's report in every format, PDF included (Chromium from --chromium). */
      'reports-only': { type: 'boolean', default: false },
      /** Measure a folder generated earlier (with --keep) instead of generating one. */
      'data-dir': { type: 'string' },
      readme: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      /** Generate the data set into a kept folder and stop (to measure it later with --data-dir). */
      'generate-only': { type: 'boolean', default: false },
      chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      /**
       * Scheduling priority of this run and what it starts (web host, Chromium): by default a
       * little above other work, so a shared machine's other jobs do not show up as our frames.
       */
      nice: { type: 'string', default: '-5' },
      /** A built app (out/main, out/renderer, data/paths) for the browser part; this checkout by default. */
      'app-root': { type: 'string' },
    },
  })
  const size = values.activities ? { ...fullSize, activities: Number(values.activities) } : fullSize
  const end = values.end ?? toIsoDate(new Date())
  const now = new Date(`${end}T12:00:00.000Z`)
  const reused = values['data-dir']
  const dataDir = reused ? resolve(reused) : mkdtempSync(join(tmpdir(), 'pathfinder-bench-'))
  const figures: Figure[] = []
  const log = (line: string) => process.stdout.write(`${line}\n`)
  const loadBefore = loadavg()
  try {
    setPriority(Number(values.nice))
  } catch {
    // Raising priority needs privileges; without them the run keeps the default.
  }
  const priority = getPriority()

  const forgeFigures = async () => {
    const items = Number(values['forge-items'])
    log(`Importing ${items.toLocaleString('en')} items from each forge's loopback API…`)
    for (const f of await measureForgeImports({ contentDir, items, now })) {
      const perSecond = Math.round((f.items / f.firstMs) * 1000).toLocaleString('en')
      figures.push(single(`forge.${f.id}`, `${f.label}: import ${f.items.toLocaleString('en')} items into a new store, backup included (${f.requests} requests, ${perSecond} items/s, ${(f.firstCpuMs / 1000).toFixed(1)} s of CPU)`, f.firstMs, 'ms', null))
      figures.push(single(`forge.${f.id}.again`, `${f.label}: import the same ${f.items.toLocaleString('en')} again (nothing new)`, f.againMs, 'ms', null))
    }
  }
  if (values['forges-only']) {
    // No data set: the forges import into fresh stores of their own.
    if (!reused) rmSync(dataDir, { recursive: true, force: true })
    await forgeFigures()
    log('')
    log(table(figures))
    return
  }

  try {
    let dataset: GeneratedDataset
    if (reused) {
      dataset = await describeDataset(dataDir, contentDir, end, size)
      log(`Measuring ${dataDir}: ${Object.entries(dataset.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`)
    } else {
      log(`Generating ${size.activities.toLocaleString('en')} activities over ${size.years} years into ${dataDir}…`)
      dataset = await generateDataset({ dataDir, contentDir, size, end })
      log(`  built in ${(dataset.millis / 1000).toFixed(1)} s: ${Object.entries(dataset.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`)
      figures.push(single('generate', 'generate the data set', dataset.millis, 'ms', null))
    }
    const generatorRss = process.resourceUsage().maxRSS / 1024
    if (values['generate-only']) {
      log(`Data kept in ${dataDir}`)
      return
    }

    let bridge: BridgeFigure[] = []
    let blocks: BlockFigure[] = []
    if (!values['browser-only'] && !values['blocks-only'] && !values['imports-only'] && !values['sync-only']) {
      // The first start of the day also takes the daily backup; later starts do not.
      const firstOpen = performance.now()
      ;(await createCore({ dataDir, contentDir, now: () => now, log: silent })).close()
      figures.push(single('openFirst', 'open the store, first of the day (daily backup)', performance.now() - firstOpen, 'ms', null))
      const open = await measure(async () => (await createCore({ dataDir, contentDir, now: () => now, log: silent })).close(), { warmup: 1, minRuns: 10, maxRuns: 30, budgetMs: 5_000 })
      figures.push(figure('open', 'cold open: createCore (checks, migrations, content upsert)', open, 1_000))

      const core = await createCore({ dataDir, contentDir, now: () => now, log: silent })
      try {
        log('Timing the core…')
        const reportsOnly = values['reports-only']
        const printer = reportsOnly
          ? createPdfPrinter({ launch: async (options) => (await import('playwright-core')).chromium.launch(options) }, { ...chromiumLaunchOptions, executablePath: values.chromium })
          : null
        const operations = await coreOperations(core, dataset, { pageSize: 100, laterPage: 50, now, ...(printer ? { printPdf: (html, pdf) => printer.print(html, pdf) } : {}) })
        for (const operation of operations.filter((o) => !reportsOnly || o.id.startsWith('report'))) {
          const baselineWork = operation.baseline
          const [ours, baseline] = baselineWork
            ? await measurePair(() => operation.ours(), () => baselineWork(), operation.measure)
            : [await measure(() => operation.ours(), operation.measure), null]
          figures.push(figure(operation.id, operation.label, ours, operation.targetMs, baseline))
          log(`  ${operation.label}: ${round(ours.medianMs)} ms${baseline ? ` (baseline ${round(baseline.medianMs)} ms)` : ''}`)
        }
        await printer?.close()
        if (!reportsOnly) {
          log('Timing the HTTP bridge…')
          bridge = await measureBridge(core, join(appRoot, 'out', 'renderer'), { warmup: 20, minRuns: 50, maxRuns: 500, budgetMs: 1_500 })
        }
        for (const b of bridge) {
          figures.push(figure(b.id, `${b.label}, direct`, b.direct, null))
          figures.push(figure(`${b.id}.http`, `${b.label}, over HTTP`, b.http, null))
          // The fixed cost of the bridge is the tiny call's; the others add serialising their payload.
          figures.push(single(`${b.id}.overhead`, `${b.label}: bridge overhead`, b.overheadMs, 'ms', b.id === 'bridge.listPaths' ? 1 : null))
        }
      } finally {
        core.close()
      }
      // This process also generated the data: its peak is a ceiling on the core's, not the core's.
      const benchRss = process.resourceUsage().maxRSS / 1024
      figures.push(single('rss', `peak RSS of this process after the core runs (${Math.round(generatorRss)} MB after generating)`, benchRss, 'MB', null))
    }

    if (!values['skip-sync'] && !values['reports-only'] && !values['forges-only'] && !values['browser-only'] && !values['blocks-only'] && !values['imports-only']) {
      log('Timing sync between two machines through a folder…')
      const sync = await measureSync({ appRoot: values['app-root'] ?? appRoot, dataDir, contentDir, now, log })
      const n = sync.activities.toLocaleString('en')
      figures.push(single('syncEnableA', `sync turned on with ${n} activities (documents built, ${sync.folderMb.toFixed(1)} MB written to the folder)`, sync.enableAMs, 'ms', null))
      const after = sync.afterWrites
      figures.push(single('syncFolder', `the folder after turning sync on (${sync.folderFiles} files), then after ${after.writes} single writes synced one by one (${after.files} files: a snapshot per device and document, older change files removed)`, after.mb, 'MB', null))
      figures.push(single('syncInitial', `initial sync of ${n} activities to an empty second machine (${sync.rowsOnB.toLocaleString('en')} arrived)`, sync.initialSyncMs, 'ms', null))
      figures.push(figure('syncSeen', 'one change on A visible in B’s SQLite (folder watcher)', sync.changeSeenMs, 2_000))
      figures.push(figure('syncWrite', 'a write (activities.update), sync on; baseline: sync off', sync.write.on, null, sync.write.off))
      figures.push(figure('syncList', 'activity list first page, sync on; baseline: sync off', sync.list.on, null, sync.list.off))
      figures.push(figure('syncSummary', 'dashboard summary, sync on; baseline: sync off', sync.summary.on, null, sync.summary.off))
      figures.push(single('syncRss', `peak RSS of the web host over the initial sync (${Math.round(sync.rssBeforeMb)} MB once started)`, sync.rssPeakMb, 'MB', 200))
      const server = await measureSyncServer({ contentDir, now })
      figures.push(figure('syncServerSeen', 'one change on A visible in B’s SQLite (loopback sync server, small stores)', server.changeSeenMs, 2_000))
      for (const f of figures.filter((x) => x.id.startsWith('sync'))) log(`  ${f.label}: ${f.median} ${f.unit}${f.baselineMedian === null ? '' : ` (sync off ${f.baselineMedian} ms)`}`)
    }
    if (values['sync-only']) {
      log('')
      log(table(figures))
      return
    }

    if (!values['reports-only'] && !values['browser-only'] && !values['imports-only']) {
      log("Timing how long the parent's event loop stops, core in this process vs in its own…")
      blocks = await measureMainThreadBlock({
        dataDir,
        contentDir,
        spawn: forkNodeCore(join(values['app-root'] ?? appRoot, 'out', 'main', 'coreProcess.js')),
        reportInput: reportInputFor(now),
        runs: 9,
      })
      for (const b of blocks) {
        const where = b.where === 'idle' ? 'idle' : b.where === 'in-process' ? 'core in this process' : 'core in its own process'
        figures.push(single(b.id, `longest stop of the parent's event loop during ${b.label}, ${where} (median of ${b.runs}; worst ${round(b.worstBlockMs)} ms; call ${round(b.medianCallMs)} ms)`, b.medianBlockMs, 'ms', b.where === 'core process' ? 16 : null))
        log(`  ${b.label}, ${where}: loop stopped ${round(b.medianBlockMs)} ms (worst ${round(b.worstBlockMs)} ms), call ${round(b.medianCallMs)} ms`)
      }
    }

    if (!values['reports-only'] && !values['browser-only'] && !values['blocks-only'] && !values['skip-imports']) {
      const rows = Number(values['csv-rows'])
      log(`Importing a CSV file of ${rows.toLocaleString('en')} rows…`)
      const csv = await measureCsvImport({ contentDir, rows, now })
      const perSecond = (ms: number) => Math.round((rows / ms) * 1000).toLocaleString('en')
      const cpu = (ms: number) => `${(ms / 1000).toFixed(1)} s of CPU`
      figures.push(single('csvPreview', `CSV preview, ${rows.toLocaleString('en')} rows (${(csv.bytes / 2 ** 20).toFixed(1)} MB): ${perSecond(csv.previewMs)} rows/s (${cpu(csv.previewCpuMs)})`, csv.previewMs, 'ms', 10_000))
      figures.push(single('csvCommit', `CSV import, ${rows.toLocaleString('en')} rows, backup included: ${perSecond(csv.commitMs)} rows/s (${cpu(csv.commitCpuMs)})`, csv.commitMs, 'ms', 10_000))
      figures.push(single('csvWait', `longest wait of another call during that import (${csv.progressAnswers} progress calls)`, csv.longestWaitMs, 'ms', 100))
      await forgeFigures()
      log('Exporting everything and importing it back through the web host…')
      const trip = await measureRoundTrip({ appRoot: values['app-root'] ?? appRoot, dataDir })
      const mb = (trip.bytes / 2 ** 20).toFixed(1)
      figures.push(single('roundTripExport', `export everything over HTTP (${mb} MB of JSON)`, trip.exportMs, 'ms', null))
      figures.push(single('roundTripUpload', 'upload that file to the web host', trip.uploadMs, 'ms', null))
      figures.push(single('roundTripImport', 'import it from the upload (check, backup, replace)', trip.importMs, 'ms', null))
      figures.push(single('roundTrip', 'export -> import round trip through the web host', trip.exportMs + trip.uploadMs + trip.importMs, 'ms', null))
      if (trip.hostPeakRssMb !== null) {
        const afterExport = trip.hostExportPeakRssMb === null ? '' : `, ${Math.round(trip.hostExportPeakRssMb)} MB after the export`
        figures.push(single('roundTripRss', `peak RSS of the web host over the round trip (${Math.round(trip.hostStartRssMb ?? 0)} MB once started${afterExport})`, trip.hostPeakRssMb, 'MB', null))
      }
    }

    let browser: BrowserFigures | null = null
    if (!values['reports-only'] && !values['skip-browser'] && !values['blocks-only'] && !values['imports-only']) {
      log('Timing the app in Chromium…')
      // Loaded here: Playwright's client would otherwise weigh on this process's memory figure.
      const { measureBrowser } = await import('./browser')
      browser = await measureBrowser({ appRoot: values['app-root'] ?? appRoot, dataDir, executablePath: values.chromium, navigations: 7, flicks: 40, passes: 3, reportInput: reportInputFor(new Date()) })
      figures.push(figure('dashboardDrawn', 'navigation to dashboard drawn (Chromium)', browser.dashboard, 1_000))
      figures.push(figure('listDrawn', 'navigation to activity list drawn (Chromium)', browser.activityList, 1_000))
      const scroll = browser.scroll
      const rows = scroll.rowsScrolled.toLocaleString('en')
      figures.push(single('scrollFrame', `longest frame scrolling ${rows} rows, median of ${scroll.passes} passes (${scroll.frames} frames)`, scroll.longestFrameMs, 'ms', 50))
      figures.push(single('scrollFrameWorst', `longest frame of all passes`, scroll.worstFrameMs, 'ms', null))
      figures.push(single('scrollFrameP95', 'p95 frame while scrolling', scroll.p95FrameMs, 'ms', null))
      figures.push(single('scrollWork', `most script + render work in one frame (${scroll.longAnimationFrames} long frames over 50 ms)`, scroll.mostWorkInAFrameMs, 'ms', 50))
      if (browser.hostIdleRssMb !== null) figures.push(single('hostIdleRss', 'RSS of the web host once started', browser.hostIdleRssMb, 'MB', null))
      if (browser.hostPeakRssMb !== null) {
        figures.push(single('hostRss', 'peak RSS of the core process (web host: browser session, then the report in 3 formats)', browser.hostPeakRssMb, 'MB', 200))
      }
    }

    const results = {
      when: new Date().toISOString(),
      machine: { ...machine(), loadBefore, loadAfter: loadavg(), nice: priority },
      dataset: { end, size, rows: dataset.rows, sample: dataset.sample },
      figures,
      browser,
      bridge,
      blocks,
    }
    writeFileSync(join(appRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
    log('')
    log(table(figures))
    log('')
    const m = results.machine
    const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ')
    log(`Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; load ${load(m.loadBefore)} before, ${load(m.loadAfter)} after; nice ${m.nice}. Written to bench/results.json.`)
    if (values.readme) {
      const machineLine = `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB memory, ${m.platform}, Node ${m.node} (load ${load(m.loadBefore)} at the start, nice ${m.nice})`
      writeReadme(table(figures), machineLine, dataset, results.when)
      log('README.md: Performance section updated.')
    }
    const missed = figures.filter((f) => f.pass === false)
    if (missed.length > 0) log(`Missed targets: ${missed.map((f) => f.id).join(', ')}`)
  } finally {
    const keep = values.keep || reused !== undefined || values['generate-only']
    if (!keep) rmSync(dataDir, { recursive: true, force: true })
    else if (!values['generate-only']) log(`Data kept in ${dataDir}`)
  }
}

const start = '<!-- bench:start -->'
const stop = '<!-- bench:end -->'

function writeReadme(figuresTable: string, machineLine: string, dataset: GeneratedDataset, when: string): void {
  const file = join(appRoot, 'README.md')
  const text = readFileSync(file, 'utf8')
  const body = [
    start,
    `Last run ${when.slice(0, 10)} on ${machineLine}; ${dataset.rows.activity?.toLocaleString('en')} activities over ${dataset.size.years} years, ` +
      `${dataset.rows.goal?.toLocaleString('en')} goals with ${dataset.rows.milestone?.toLocaleString('en')} milestones. Medians and 95th percentiles after a warm-up; ` +
      'the ratio is ours over one hand-written SQL statement giving the same answer on the same file.',
    '',
    figuresTable,
    stop,
  ].join('\n')
  const from = text.indexOf(start)
  const to = text.indexOf(stop)
  const next =
    from >= 0 && to > from
      ? `${text.slice(0, from)}${body}${text.slice(to + stop.length)}`
      : `${text.trimEnd()}\n\n## Performance\n\n\`npm run bench\` generates ten years of one person's history (seeded, so every run measures the same data) and times the app on it.\n\n${body}\n`
  writeFileSync(file, next)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
})

