import type { ReportModel, ReportPdfOptions, ReportPeriod } from '@shared/domain/report'
import { esc } from './htmlText'
import { chartTheme } from './theme'
import { pageMarginsMm } from './reportCss'
import { day } from './reportText'

/** What printing needs of a report: a ReportModel has it all. */
export type PrintFacts = Pick<ReportModel, 'title' | 'generatedOn' | 'author' | 'pageSize'> & { period: Pick<ReportPeriod, 'label'> }

const inches = (mm: number): number => Math.round((mm / 25.4) * 1000) / 1000

/**
 * The footer Chromium prints in every page's bottom margin: the report and its period, the
 * day it was made, and "Page n of N" (Chromium fills the pageNumber and totalPages spans).
 * Its own tiny document: styles must be inline and the font size explicit.
 */
export function footerTemplate(model: PrintFacts): string {
  const left = [model.author?.name ?? null, model.title, model.period.label].filter((s): s is string => s !== null).join(' · ')
  const pad = `0 ${pageMarginsMm.right}mm 0 ${pageMarginsMm.left}mm`
  return `<div style="width:100%;box-sizing:border-box;padding:${pad};display:flex;justify-content:space-between;align-items:center;font-family:${esc(chartTheme.font)};font-size:7.5pt;color:${chartTheme.muted};-webkit-print-color-adjust:exact;">` +
    `<span style="max-width:55%;overflow:hidden;white-space:nowrap;text-overflow:ellipsis;">${esc(left)}</span>` +
    `<span>Generated ${esc(day(model.generatedOn))}</span>` +
    `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
}

/**
 * How both hosts print the report's HTML: Electron passes this to webContents.printToPDF as
 * it is; the web host maps it to Playwright's page.pdf (see electron/web/pdf.ts). Pure, so
 * both print the same page size, margins and footer.
 */
export function pdfOptions(model: PrintFacts): ReportPdfOptions {
  return {
    pageSize: model.pageSize === 'a4' ? 'A4' : 'Letter',
    landscape: false,
    printBackground: true,
    preferCSSPageSize: false,
    displayHeaderFooter: true,
    margins: {
      top: inches(pageMarginsMm.top),
      bottom: inches(pageMarginsMm.bottom),
      left: inches(pageMarginsMm.left),
      right: inches(pageMarginsMm.right),
    },
    // An empty header: Chromium's default one prints the date and the page's title.
    headerTemplate: '<span></span>',
    footerTemplate: footerTemplate(model),
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  }
}
