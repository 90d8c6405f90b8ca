import type { ReportFormat, ReportModel } from '@shared/domain/report'
import { renderCsv } from './renderCsv'
import { renderHtml } from './renderHtml'
import { renderJson } from './renderJson'
import { renderMarkdown } from './renderMarkdown'
import { reportFileName } from './reportFiles'

export { renderHtml }

const formats: Record<ReportFormat, { extension: string; mimeType: string; render: (model: ReportModel) => string }> = {
  markdown: { extension: 'md', mimeType: 'text/markdown; charset=utf-8', render: renderMarkdown },
  html: { extension: 'html', mimeType: 'text/html; charset=utf-8', render: renderHtml },
  json: { extension: 'json', mimeType: 'application/json; charset=utf-8', render: renderJson },
  csv: { extension: 'csv', mimeType: 'text/csv; charset=utf-8', render: renderCsv },
}

/** One format of the model: its text, a file name a person would keep, and its media type. */
export function renderReport(model: ReportModel, format: ReportFormat): { fileName: string; mimeType: string; content: string } {
  const f = formats[format]
  return { fileName: reportFileName(model, f.extension), mimeType: f.mimeType, content: f.render(model) }
}
