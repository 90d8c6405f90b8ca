/**
 * The app in Chromium against the built web host on the generated data: time from navigation
 * to the dashboard drawn and to the activity list drawn, and the longest frame while the list
 * is scrolled from top to bottom.
 */
import { chromium, type Browser, type BrowserContext } from '@playwright/test'
import { z } from 'zod'
import { contract, createClient } from '@shared/contract'
import type { ReportOptionsInput } from '@shared/contract/reports'
import { tokenInAddress } from '@shared/contract/transport'
import type { ReportFormat } from '@shared/domain/report'
import { createHttpInvoke } from '../renderer/src/api/httpTransport'
import { percentile, summarize, type Timing } from './measure'
import { rssMb, startHost } from './webHostProcess'

export interface BrowserFigures {
  dashboard: Timing
  activityList: Timing
  scroll: {
    passes: number
    frames: number
    /** Longest gap between two animation frames while scrolling: the median over the passes. */
    longestFrameMs: number
    /** Longest gap of all passes. */
    worstFrameMs: number
    p95FrameMs: number
    /** Longest long-animation-frame entry (Chromium reports frames over 50 ms only), 0 when none. */
    longestAnimationFrameMs: number
    longAnimationFrames: number
    /** Most script and render time the page spent in one long frame (0 when none was over 50 ms). */
    mostWorkInAFrameMs: number
    /** The longest long-animation-frame entries, with their attribution. */
    worstFrames: LongFrame[]
    rowsScrolled: number
    seconds: number
  }
  /** Resident memory of the web host once started, before any call. */
  hostIdleRssMb: number | null
  /**
   * Peak resident memory of the web host (the core process) after serving all of the above and
   * the year's report in every format, from /proc.
   */
  hostPeakRssMb: number | null
}

export interface BrowserOptions {
  /** Built app root (holds out/main/web.js and out/renderer). */
  appRoot: string
  dataDir: string
  executablePath: string
  navigations: number
  /** Flicks of the scroll from top to bottom; each is a few fast frames then a pause. */
  flicks: number
  /** Scrolls from top to bottom, each in a fresh page. */
  passes: number
  /** Called over HTTP after the browser is done, so the host's peak memory includes them. */
  reportInput: ReportOptionsInput
}

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

/** Navigates a fresh page and answers performance.now() (ms since navigation) on the frame `drawn` first holds. */
async function timeToDrawn(browser: Browser, storageState: StorageState, url: string, drawn: string): Promise<number> {
  const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 }, bypassCSP: true })
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    const handle = await page.waitForFunction(`document.querySelector(${JSON.stringify(drawn)}) ? performance.now() : 0`, undefined, { polling: 'raf', timeout: 60_000 })
    return z.number().parse(await handle.jsonValue())
  } finally {
    await context.close()
  }
}

const dashboardDrawn = '#progress-title'
/** The log's virtual list (ActivityLog.vue): found by its role and name, which outlast test ids. */
const activityList = '[role="list"][aria-label="Activities"]'
const listDrawn = `${activityList} [role="listitem"] .row:not(.loading)`

export async function measureBrowser(options: BrowserOptions): Promise<BrowserFigures> {
  const host = await startHost(options.appRoot, options.dataDir)
  const hostIdleRssMb = rssMb(host.child.pid, 'VmRSS')
  let browser: Browser | undefined
  try {
    browser = await chromium.launch({ executablePath: options.executablePath, args: chromiumArgs })
    // bypassCSP: the measuring scripts are strings Playwright evaluates, which the app's CSP forbids.
    // The printed address's token is kept in the origin's localStorage; every later page reuses it.
    const signIn = await browser.newContext()
    const first = await signIn.newPage()
    await first.goto(host.url)
    await first.waitForSelector(dashboardDrawn, { timeout: 60_000 })
    const storageState = await signIn.storageState()
    await signIn.close()
    const base = new URL(host.url).origin

    const dashboard: number[] = []
    const list: number[] = []
    // One of each first, untimed: the browser's cache and the host's statements are then warm, as they are in use.
    for (let i = -1; i < options.navigations; i++) {
      const d = await timeToDrawn(browser, storageState, `${base}/#/`, dashboardDrawn)
      const l = await timeToDrawn(browser, storageState, `${base}/#/activities`, listDrawn)
      if (i >= 0) {
        dashboard.push(d)
        list.push(l)
      }
    }

    const scroll = await measureScroll(browser, storageState, base, options.flicks, options.passes)

    const token = tokenInAddress(host.url)
    const api = createClient(contract, createHttpInvoke(base, { Authorization: `Bearer ${token}` }))
    const formats: ReportFormat[] = ['markdown', 'html', 'json']
    for (const format of formats) {
      const rendered = await api.reports.render({ options: options.reportInput, format })
      if (!rendered.ok) throw new Error(`The web host refused the ${format} report: ${rendered.error.message}`)
    }
    return { dashboard: summarize(dashboard), activityList: summarize(list), scroll, hostIdleRssMb, hostPeakRssMb: rssMb(host.child.pid, 'VmHWM') }
  } finally {
    await browser?.close()
    host.child.kill('SIGTERM')
  }
}

/**
 * Runs in the page, so it is JavaScript source: the node typecheck has no DOM. A person
 * flicks, reads a moment, flicks again: a few fast frames, then a pause in which pages load.
 */
const scrollScript = (flicks: number, selector: string) => /* js */ `(async () => {
  const list = document.querySelector(${JSON.stringify(activityList)})
  // The element that scrolls is the list's parent (its height is the virtual list's whole length).
  const scroller = list && list.parentElement
  if (!scroller) throw new Error('No activity list on the page')
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
  const loafs = []
  // Each long frame with where its time went: scripts (by source and function), then style, layout and paint.
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const scripts = (e.scripts || []).map((x) => ({
        ms: Math.round(x.duration),
        what: [x.invoker, (x.sourceURL || '').split('/').pop(), x.sourceFunctionName].filter(Boolean).join(' '),
      })).sort((a, b) => b.ms - a.ms).slice(0, 3)
      const render = e.renderStart ? Math.round(e.startTime + e.duration - e.renderStart) : 0
      const layout = e.styleAndLayoutStart ? Math.round(e.startTime + e.duration - e.styleAndLayoutStart) : 0
      // Scripts before the render phase, plus the render phase (which holds animation-frame callbacks).
      const before = (e.scripts || []).filter((x) => !e.renderStart || x.startTime < e.renderStart).reduce((sum, x) => sum + x.duration, 0)
      loafs.push({ ms: e.duration, blockingMs: e.blockingDuration || 0, workMs: Math.round(before + render), renderMs: render, styleAndLayoutMs: layout, scripts })
    }
  })
  try { observer.observe({ type: 'long-animation-frame', buffered: false }) } catch { /* rAF gaps alone */ }
  const gaps = []
  let last = await frame()
  const tick = async () => { const now = await frame(); gaps.push(now - last); last = now }
  const started = performance.now()
  const distance = scroller.scrollHeight - scroller.clientHeight
  const framesPerFlick = 8
  const step = Math.max(1, Math.ceil(distance / (${flicks} * framesPerFlick)))
  while (scroller.scrollTop < distance - 1) {
    for (let f = 0; f < framesPerFlick && scroller.scrollTop < distance - 1; f++) {
      scroller.scrollTop = Math.min(distance, scroller.scrollTop + step)
      await tick()
    }
    const settle = performance.now()
    while (performance.now() - settle < 180) await tick()
  }
  const deadline = performance.now() + 5000
  while (document.querySelector(${JSON.stringify(selector.replace(':not(.loading)', '.loading'))}) && performance.now() < deadline) await tick()
  observer.disconnect()
  const lastItem = [...scroller.querySelectorAll('[role="listitem"]')].pop()
  return { gaps, loafs, rows: Number(lastItem ? lastItem.getAttribute('aria-posinset') : 0), seconds: (performance.now() - started) / 1000 }
})()`

const longFrame = z.object({
  ms: z.number(),
  blockingMs: z.number(),
  /** Time the page worked in the frame (scripts, style, layout, paint); the rest it waited. */
  workMs: z.number(),
  renderMs: z.number(),
  styleAndLayoutMs: z.number(),
  scripts: z.array(z.object({ ms: z.number(), what: z.string() })),
})
export type LongFrame = z.output<typeof longFrame>
const scrollResult = z.object({ gaps: z.array(z.number()), loafs: z.array(longFrame), rows: z.number(), seconds: z.number() })

/** The scroll from top to bottom, `passes` times in fresh pages: one pass's worst frame can be another process's. */
async function measureScroll(browser: Browser, storageState: StorageState, base: string, flicks: number, passes: number): Promise<BrowserFigures['scroll']> {
  const results: z.output<typeof scrollResult>[] = []
  for (let pass = 0; pass < passes; pass++) {
    const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 }, bypassCSP: true })
    try {
      const page = await context.newPage()
      await page.goto(`${base}/#/activities`)
      await page.waitForSelector(listDrawn, { timeout: 60_000 })
      results.push(scrollResult.parse(await page.evaluate(scrollScript(flicks, listDrawn))))
    } finally {
      await context.close()
    }
  }
  const longestPerPass = results.map((r) => r.gaps.reduce((m, g) => Math.max(m, g), 0)).sort((a, b) => a - b)
  const gaps = results.flatMap((r) => r.gaps).sort((a, b) => a - b)
  const loafs = results.flatMap((r) => r.loafs).sort((a, b) => b.ms - a.ms)
  return {
    passes,
    frames: gaps.length,
    longestFrameMs: percentile(longestPerPass, 50),
    worstFrameMs: gaps.at(-1) ?? 0,
    p95FrameMs: percentile(gaps, 95),
    longestAnimationFrameMs: loafs[0]?.ms ?? 0,
    longAnimationFrames: loafs.length,
    mostWorkInAFrameMs: loafs.reduce((m, f) => Math.max(m, f.workMs), 0),
    worstFrames: loafs.slice(0, 5),
    rowsScrolled: Math.min(...results.map((r) => r.rows)),
    seconds: results.reduce((sum, r) => sum + r.seconds, 0),
  }
}
