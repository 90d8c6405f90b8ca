import type { ReportModel, ReportSummary } from '@shared/domain/report'
import { fileStem } from './reportText'

export const reportFileName = (model: ReportModel, extension: string): string => `${fileStem(model)}.${extension}`

/** What the composer shows beside the preview: the model without its long lists. */
export const summarize = (model: ReportModel): ReportSummary => ({
  schemaVersion: model.schemaVersion,
  title: model.title,
  template: model.template,
  period: model.period,
  sections: model.sections,
  empty: model.empty,
  emptyMessage: model.emptyMessage,
  figures: model.figures,
  kpis: model.kpis,
  redactions: model.redactions,
})
