import { contract } from '@shared/contract'
import type { CoreContext } from '../context'
import type { CoreHandlers } from '../handlers'
import { handle } from '../ipc/handle'
import { createExportsRepository } from './exportsRepository'
import { pdfOptions } from './pdfOptions'
import { readPrivateRepositories, writePrivateRepositories } from './privateRepositories'
import { renderHtml } from './renderHtml'
import { renderReport, reportFileName, summarize } from './renderReport'
import { createReportService } from './reportService'

export function reportsHandlers(ctx: CoreContext): CoreHandlers['reports'] {
  const { settings, now, log } = ctx
  const exportsRepo = createExportsRepository(ctx.db)
  const service = createReportService(ctx, exportsRepo)
  const c = contract.reports

  return {
    preview: handle(c.preview, ({ options }) => {
      const model = service.model(options)
      return { html: renderHtml(model), summary: summarize(model) }
    }, log),
    render: handle(c.render, ({ options, format, record }) => {
      const model = service.model(options)
      const rendered = renderReport(model, format)
      const exportId = record ? exportsRepo.record(model, format, rendered.fileName, options, now()).id : null
      return { ...rendered, exportId }
    }, log),
    printable: handle(c.printable, ({ options }) => {
      const model = service.model(options)
      return { html: renderHtml(model), fileName: reportFileName(model, 'pdf'), pdf: pdfOptions(model), summary: summarize(model) }
    }, log),
    recordExport: handle(c.recordExport, ({ options, format }) => {
      const model = service.model(options)
      const extension = { markdown: 'md', html: 'html', json: 'json', csv: 'csv', pdf: 'pdf' }[format]
      return exportsRepo.record(model, format, reportFileName(model, extension), options, now())
    }, log),
    history: handle(c.history, ({ limit }) => exportsRepo.list(limit), log),
    privateRepositories: handle(c.privateRepositories, () => readPrivateRepositories(settings), log),
    setPrivateRepositories: handle(c.setPrivateRepositories, ({ repositories }) => writePrivateRepositories(settings, repositories), log),
  }
}
