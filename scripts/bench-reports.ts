// Times the report for one year with 10,000 activities: building the model, and each
// format end to end (model + rendering, as reports.render does it) and rendering alone.
// Not part of npm test. Run with:
//   JITI_ALIAS='{"@shared":"'$PWD'/shared"}' npx jiti scripts/bench-reports.ts [activities]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { contract } from '../shared/contract'
import type { ReportFormat } from '../shared/domain/report'
import { createCore } from '../electron/core/core'
import { createSettingsRepository } from '../electron/core/settings/settingsRepository'
import { createExportsRepository } from '../electron/core/reports/exportsRepository'
import { createReportService } from '../electron/core/reports/reportService'
import { renderReport } from '../electron/core/reports/renderReport'
import { pdfOptions } from '../electron/core/reports/pdfOptions'
import { createPdfPrinter } from '../electron/web/pdf'

const total = Number(process.argv[2] ?? 10_000)
const root = join(import.meta.dirname, '..')
const dataDir = mkdtempSync(join(tmpdir(), 'pathfinder-bench-'))
const now = new Date('2026-12-31T12:00:00Z')
const silent = { error: () => {}, warn: () => {}, info: () => {} }
const core = await createCore({ dataDir, contentDir: join(root, 'data', 'paths'), now: () => now, log: silent })

try {
  const db = core.db
  const kinds = ['pull-request', 'pull-request', 'pull-request', 'issue', 'code-review', 'docs', 'release', 'commits', 'certification', 'meetup', 'talk', 'forum-answer', 'blog-post', 'portfolio-project', 'learning'] as const
  const skills = ['skill.java', 'skill.spring-framework', 'skill.algorithms', 'skill.javascript']
  const insert = db.prepare(`INSERT INTO activity (kind, date, title, url, repo, state, hours, notes, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const tag = db.prepare('INSERT INTO activity_skill (activity_id, item_id) VALUES (?, ?)')
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const kind = kinds[i % kinds.length] ?? 'pull-request'
      const day = new Date(Date.UTC(2026, 0, 1 + (i % 365))).toISOString().slice(0, 10)
      const repo = ['pull-request', 'issue', 'code-review', 'docs', 'release', 'commits'].includes(kind) ? `org${i % 40}/repo${i % 97}` : null
      const state = kind === 'pull-request' ? (i % 3 === 0 ? 'open' : 'merged') : kind === 'issue' ? 'closed' : null
      const id = insert.run(kind, day, `Work item ${i} <with> "text" & more`, `https://example.org/w/${i}`, repo, state, i % 5, i % 7 === 0 ? `note ${i}` : null, now.toISOString(), now.toISOString()).lastInsertRowid
      tag.run(id, skills[i % skills.length] ?? 'skill.java')
    }
  })()
  for (const [i, level] of [1, 2, 3, 4].entries()) {
    db.prepare("INSERT INTO item_state_history (item_id, field, from_value, to_value, at) VALUES ('skill.java', 'level', ?, ?, ?)").run(String(level - 1), String(level), `2026-0${i + 2}-01T10:00:00.000Z`)
  }
  db.prepare("INSERT INTO item_state (item_id, level, updated_at) VALUES ('skill.java', 4, ?)").run(now.toISOString())

  const service = createReportService({ db, settings: createSettingsRepository(db), now: () => now }, createExportsRepository(db))
  const options = contract.reports.render.input.parse({ options: { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' }, format: 'html' }).options
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  const time = (fn: () => unknown, runs = 11): number => {
    fn()
    const samples: number[] = []
    for (let r = 0; r < runs; r++) {
      const t = performance.now()
      fn()
      samples.push(performance.now() - t)
    }
    return median(samples)
  }

  const model = service.model(options)
  console.log(`Report for ${model.period.label} with ${model.figures.activities.toLocaleString('en-US')} activities (median of 11 runs, warm):`)
  console.log(`  model                 ${time(() => service.model(options)).toFixed(0).padStart(5)} ms`)
  for (const format of ['markdown', 'html', 'json', 'csv'] satisfies ReportFormat[]) {
    const renderOnly = time(() => renderReport(model, format))
    const endToEnd = time(() => renderReport(service.model(options), format))
    const size = renderReport(model, format).content.length
    console.log(`  ${format.padEnd(9)} render ${renderOnly.toFixed(0).padStart(5)} ms   model + render ${endToEnd.toFixed(0).padStart(5)} ms   ${(size / 1024).toFixed(0)} KiB`)
  }
  const t = performance.now()
  const result = await core.dispatch('reports.render', { options: { period: { preset: 'this-year' }, timeZone: 'Europe/Berlin' }, format: 'html' })
  console.log(`  reports.render (html) through the dispatcher: ${(performance.now() - t).toFixed(0)} ms, ok=${String(result.ok)}`)

  // PDF: the HTML printed by headless Chromium, as the web host does it (browser already running).
  const { chromium } = await import('@playwright/test')
  const printer = createPdfPrinter(chromium)
  try {
    const html = renderReport(model, 'html').content
    await printer.print(html, pdfOptions(model))
    const samples: number[] = []
    let bytes = 0
    for (let r = 0; r < 5; r++) {
      const started = performance.now()
      bytes = (await printer.print(html, pdfOptions(model))).length
      samples.push(performance.now() - started)
    }
    console.log(`  pdf       print  ${median(samples).toFixed(0).padStart(5)} ms (Chromium running, median of 5)   ${(bytes / 1024).toFixed(0)} KiB`)
  } finally {
    await printer.close()
  }
} finally {
  core.close()
  rmSync(dataDir, { recursive: true, force: true })
}
