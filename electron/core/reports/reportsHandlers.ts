import { contract } from '@shared/contract'
import type { CoreContext } from '../context'
import type { CoreHandlers } from '../handlers'
import { handle } from '../ipc/handle'
import { createExportsRepository } from './exportsRepository'
import { pdfOptions } from './pdfOptions'
import { readPrivateRepositories, writePrivateRepositories } from './privateRepositories'
import { reportFileName, summarize } from './reportFiles'
import { createReportService } from './reportService'

// The renderers draw charts with ECharts, a third of a second to load: the first report pays
// for it, not every start of the app.
const renderers = () => import('./renderReport')

const extensions = { markdown: 'md', html: 'html', json: 'json', csv: 'csv', pdf: 'pdf' } as const

export function reportsHandlers(ctx: CoreContext): CoreHandlers['reports'] {
  const { settings, now, log } = ctx
  const exportsRepo = createExportsRepository(ctx.db)
  const service = createReportService(ctx, exportsRepo)
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
    history: handle(c.history, ({ limit }) => exportsRepo.list(limit), log),
    privateRepositories: handle(c.privateRepositories, () => readPrivateRepositories(settings), log),
    setPrivateRepositories: handle(c.setPrivateRepositories, ({ repositories }) => writePrivateRepositories(settings, repositories), log),
  }
}
