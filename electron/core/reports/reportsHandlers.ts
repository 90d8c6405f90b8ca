import { contract } from '@shared/contract'
import type { CoreContext } from '../context'
import { DomainError } from '../ipc/domainError'
import { handle, type CoreHandlers } from '../ipc/handle'
import { readComposerMemory, rememberComposer } from './composerMemory'
import { createExportsRepository } from './exportsRepository'
import { pdfOptions } from './pdfOptions'
import { readPrivateRepositories, writePrivateRepositories } from './privateRepositories'
import { reportFileName, summarize } from './reportFiles'
import { createReportService } from './reportService'
import { weeklyReviewEntries } from './weeklyReviewEntries'

// The renderers draw charts with ECharts, a third of a second to load: the first report pays
// for it, not every start of the app.
const renderers = () => import('./renderReport')

const extensions = { markdown: 'md', html: 'html', json: 'json', csv: 'csv', pdf: 'pdf' } as const

export function reportsHandlers(ctx: CoreContext): CoreHandlers['reports'] {
  const { settings, now, log, host } = ctx
  const exportsRepo = createExportsRepository(ctx.db)
  const service = createReportService(ctx, exportsRepo, weeklyReviewEntries(ctx))
  const c = contract.reports

  return {
    preview: handle(c.preview, async ({ options }) => {
      const { renderHtml } = await renderers()
      const model = service.model(options)
      return { html: renderHtml(model), summary: summarize(model) }
    }, log),
    render: handle(c.render, async ({ options, format, record }) => {
      const { renderReport } = await renderers()
      const model = service.model(options)
      const rendered = renderReport(model, format)
      const exportId = record ? exportsRepo.record(model, format, rendered.fileName, options, now()).id : null
      return { ...rendered, exportId }
    }, log),
    printable: handle(c.printable, async ({ options }) => {
      const { renderHtml } = await renderers()
      const model = service.model(options)
      return { html: renderHtml(model), fileName: reportFileName(model, 'pdf'), pdf: pdfOptions(model), summary: summarize(model) }
    }, log),
    recordExport: handle(c.recordExport, ({ options, format }) => {
      const model = service.model(options)
      return exportsRepo.record(model, format, reportFileName(model, extensions[format]), options, now())
    }, log),
    export: handle(c.export, async ({ options, format, delivery }) => {
      const { renderHtml, renderReport } = await renderers()
      const model = service.model(options)
      // Text stays a string until a save needs bytes: a year's JSON is megabytes, and each copy counts on the way to a download.
      let file: { fileName: string; mimeType: string } & ({ pdf: Buffer } | { text: string })
      if (format === 'pdf') {
        if (!host.printPdf) throw new DomainError('unavailable', 'This window cannot print PDFs. Export HTML and print it from your browser instead.')
        file = { fileName: reportFileName(model, 'pdf'), mimeType: 'application/pdf', pdf: await host.printPdf(renderHtml(model), pdfOptions(model)) }
      } else {
        const rendered = renderReport(model, format)
        file = { fileName: rendered.fileName, mimeType: rendered.mimeType, text: rendered.content }
      }
      let savedTo: string | null = null
      if (delivery === 'save-dialog') {
        if (!host.saveFile) throw new DomainError('unavailable', 'This window has no save dialog; download the file instead.')
        savedTo = await host.saveFile(file.fileName, 'pdf' in file ? file.pdf : Buffer.from(file.text, 'utf8'))
        if (savedTo === null) return { fileName: file.fileName, mimeType: file.mimeType, savedTo, cancelled: true, download: null, record: null }
      }
      const record = exportsRepo.record(model, format, file.fileName, options, now())
      const download =
        delivery !== 'download' ? null : 'pdf' in file ? { encoding: 'base64' as const, content: file.pdf.toString('base64') } : { encoding: 'utf8' as const, content: file.text }
      return { fileName: file.fileName, mimeType: file.mimeType, savedTo, cancelled: false, download, record }
    }, log),
    history: handle(c.history, ({ limit }) => exportsRepo.list(limit), log),
    composerMemory: handle(c.composerMemory, () => readComposerMemory(settings), log),
    rememberComposer: handle(c.rememberComposer, ({ template, choices }) => rememberComposer(settings, template, choices), log),
    privateRepositories: handle(c.privateRepositories, () => readPrivateRepositories(settings), log),
    setPrivateRepositories: handle(c.setPrivateRepositories, ({ repositories }) => writePrivateRepositories(settings, repositories), log),
  }
}
