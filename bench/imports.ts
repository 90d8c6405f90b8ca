/**
 * Imports at the scale of ten years: a CSV file of 100,000 rows previewed and imported
 * through the core (and how long another call waits meanwhile), and the whole store
 * exported and imported back through the built web host as the browser does it (the export
 * over HTTP, the file streamed to the upload route, the import reading it from disk), with
 * that host process's peak RSS.
 */
import { cpSync, mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { contract, createClient, type Api, type Result } from '@shared/contract'
import { createCore } from '../electron/core/core'
import { createHttpInvoke, createHttpUpload } from '../renderer/src/api/httpTransport'
import { csvForImport } from './csvImportData'
import { rssMb, startHost } from './webHostProcess'
import { tokenInAddress } from '@shared/contract/transport'

const silent = { error: () => {}, warn: () => {}, info: () => {} }

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message}`)
  return result.value
}

export interface CsvImportFigures {
  rows: number
  bytes: number
  previewMs: number
  commitMs: number
  /** CPU time (user + system) of this process over each: what the wall time is on an idle machine. */
  previewCpuMs: number
  commitCpuMs: number
  /** The longest an `imports.progress` call, asked every 10 ms, waited for its answer during the commit. */
  longestWaitMs: number
  progressAnswers: number
}

/** Into a fresh store, as a first import is: every row is new, so every row is written. */
export async function measureCsvImport(options: { contentDir: string; rows: number; now: Date }): Promise<CsvImportFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pathfinder-bench-csv-'))
  const core = await createCore({ dataDir, contentDir: options.contentDir, now: () => options.now, log: silent })
  try {
    const api: Api = createClient(contract, (name, input) => core.dispatch(name, input))
    const text = csvForImport(options.rows, options.now.toISOString().slice(0, 10))
    const cpuSince = (start: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(start)
      return (used.user + used.system) / 1000
    }
    let cpu = process.cpuUsage()
    let started = performance.now()
    const preview = must(await api.imports.csvPreview({ text }), 'The preview')
    const previewMs = performance.now() - started
    const previewCpuMs = cpuSince(cpu)
    if (preview.added !== options.rows) throw new Error(`The preview would add ${preview.added} of ${options.rows} rows: ${JSON.stringify(preview.errors.slice(0, 3))}`)

    cpu = process.cpuUsage()
    started = performance.now()
    let done = false
    const commit = api.imports.csvCommit({ text, importId: 'bench-csv' }).finally(() => (done = true))
    let longestWaitMs = 0
    let progressAnswers = 0
    while (!done) {
      const asked = performance.now()
      await api.imports.progress({ importId: 'bench-csv' })
      if (!done) {
        longestWaitMs = Math.max(longestWaitMs, performance.now() - asked)
        progressAnswers += 1
      }
      await sleep(10)
    }
    const summary = must(await commit, 'The import')
    const commitMs = performance.now() - started
    const commitCpuMs = cpuSince(cpu)
    if (summary.added !== options.rows) throw new Error(`The import added ${summary.added} of ${options.rows} rows`)
    return { rows: options.rows, bytes: Buffer.byteLength(text), previewMs, commitMs, previewCpuMs, commitCpuMs, longestWaitMs, progressAnswers }
  } finally {
    core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export interface RoundTripFigures {
  bytes: number
  exportMs: number
  uploadMs: number
  importMs: number
  hostStartRssMb: number | null
  /** The host's peak once the export is sent, before the import starts. */
  hostExportPeakRssMb: number | null
  hostPeakRssMb: number | null
}

/** On a copy of the data set, so the import replaces nothing another measurement reads. */
export async function measureRoundTrip(options: { appRoot: string; dataDir: string }): Promise<RoundTripFigures> {
  const copy = mkdtempSync(join(tmpdir(), 'pathfinder-bench-roundtrip-'))
  cpSync(options.dataDir, copy, { recursive: true })
  const host = await startHost(options.appRoot, copy)
  try {
    const url = new URL(host.url)
    const auth = { Authorization: `Bearer ${tokenInAddress(host.url)}` }
    const api: Api = createClient(contract, createHttpInvoke(url.origin, auth))
    const upload = createHttpUpload(url.origin, auth)
    const hostStartRssMb = rssMb(host.child.pid, 'VmRSS')

    let started = performance.now()
    const exported = must(await api.data.exportAll({}), 'The export')
    const exportMs = performance.now() - started
    const hostExportPeakRssMb = rssMb(host.child.pid, 'VmHWM')
    const file = join(copy, exported.fileName)
    writeFileSync(file, exported.json)
    const bytes = Buffer.byteLength(exported.json)

    started = performance.now()
    const uploaded = must(await upload(await openAsBlob(file)), 'The upload')
    const uploadMs = performance.now() - started
    started = performance.now()
    const imported = must(await api.data.importAll({ file: uploaded }), 'The import')
    const importMs = performance.now() - started
    if (imported.counts.activity !== exported.counts.activity) throw new Error(`Imported ${imported.counts.activity} of ${exported.counts.activity} activities`)
    return { bytes, exportMs, uploadMs, importMs, hostStartRssMb, hostExportPeakRssMb, hostPeakRssMb: rssMb(host.child.pid, 'VmHWM') }
  } finally {
    host.child.kill('SIGTERM')
    await new Promise((resolve) => (host.child.exitCode === null ? host.child.once('exit', resolve) : resolve(null)))
    rmSync(copy, { recursive: true, force: true })
  }
}
