import type { ExportedReport } from './report'

/**
 * A file made for another tool (a JSON Resume, a calendar), delivered the way a report is:
 * through the desktop's save dialog or as bytes for a browser download. It is not a report,
 * so no export history row comes with it.
 */
export type ExportedFile = Omit<ExportedReport, 'record'>
