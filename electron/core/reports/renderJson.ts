import type { ReportModel } from '@shared/domain/report'

/** The model as it is: its shape is documented in docs/report-json.md. */
export const renderJson = (model: ReportModel): string => `${JSON.stringify(model, null, 2)}\n`
