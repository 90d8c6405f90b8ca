import type { Browser, BrowserType, LaunchOptions, Page } from 'playwright-core'
import type { ReportPdfOptions } from '@shared/domain/report'

/**
 * HTML to PDF with headless Chromium, for the web host and the tests; the desktop app prints
 * the same HTML with the same ReportPdfOptions through Electron's printToPDF.
 *
 * The Chromium driver is passed in (`chromium` from playwright-core or @playwright/test):
 * this file only imports its types, so nothing here is bundled into a host that does not
 * print, and core never sees it.
 */

/** Debian's Chromium, with the flags that let it run headless in a container or CI. */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.PATHFINDER_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
}

type PagePdfOptions = NonNullable<Parameters<Page['pdf']>[0]>

/** ReportPdfOptions (Electron's shape, margins in inches) as Playwright's page.pdf takes them. */
export function toPlaywrightPdf(pdf: ReportPdfOptions): PagePdfOptions {
  return {
    format: pdf.pageSize,
    landscape: pdf.landscape,
    printBackground: pdf.printBackground,
    preferCSSPageSize: pdf.preferCSSPageSize,
    displayHeaderFooter: pdf.displayHeaderFooter,
    headerTemplate: pdf.headerTemplate,
    footerTemplate: pdf.footerTemplate,
    margin: {
      top: `${pdf.margins.top}in`,
      bottom: `${pdf.margins.bottom}in`,
      left: `${pdf.margins.left}in`,
      right: `${pdf.margins.right}in`,
    },
    tagged: pdf.generateTaggedPDF,
    outline: pdf.generateDocumentOutline,
  }
}

export interface PrintOptions {
  /** Called with the URL of any request the page tries to make (all are refused). */
  onRequest?: (url: string) => void
  /** Give up after this long (default 30 s). */
  timeoutMs?: number
}

/** Prints in a fresh context with JavaScript off and every request refused. */
async function printWith(browser: Browser, html: string, pdf: ReportPdfOptions, options: PrintOptions): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
  try {
    const page = await context.newPage()
    page.setDefaultTimeout(options.timeoutMs ?? 30_000)
    await page.route('**/*', async (route) => {
      options.onRequest?.(route.request().url())
      await route.abort('blockedbyclient')
    })
    await page.setContent(html, { waitUntil: 'load' })
    await page.emulateMedia({ media: 'print' })
    return await page.pdf(toPlaywrightPdf(pdf))
  } finally {
    await context.close()
  }
}

/** A printer that keeps one Chromium for many exports; close it when the host stops. */
export function createPdfPrinter(chromium: Pick<BrowserType, 'launch'>, launch: LaunchOptions = chromiumLaunchOptions) {
  let browser: Promise<Browser> | null = null
  const open = (): Promise<Browser> => {
    browser ??= chromium.launch(launch).catch((error: unknown) => {
      browser = null
      throw error
    })
    return browser
  }
  return {
    async print(html: string, pdf: ReportPdfOptions, options: PrintOptions = {}): Promise<Buffer> {
      return printWith(await open(), html, pdf, options)
    },
    async close(): Promise<void> {
      const running = browser
      browser = null
      if (running) await (await running).close()
    },
  }
}

/** One PDF, one Chromium: launches, prints and closes. */
export async function htmlToPdf(chromium: Pick<BrowserType, 'launch'>, html: string, pdf: ReportPdfOptions, options: PrintOptions & { launch?: LaunchOptions } = {}): Promise<Buffer> {
  const printer = createPdfPrinter(chromium, options.launch ?? chromiumLaunchOptions)
  try {
    return await printer.print(html, pdf, options)
  } finally {
    await printer.close()
  }
}
