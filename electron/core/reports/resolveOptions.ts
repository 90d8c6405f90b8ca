import { hostTimeZone, type ReportOptions } from '@shared/contract/reports'
import { publicSections, reportTemplateSpecs, type ReportAuthor, type ReportExclusions, type ReportPageSize, type ReportSectionId, type ReportTemplateSpec } from '@shared/domain/report'

export interface ResolvedOptions {
  period: ReportOptions['period']
  timeZone: string
  template: ReportTemplateSpec
  sections: ReportSectionId[]
  exclude: ReportExclusions
  author: ReportAuthor | null
  pageSize: ReportPageSize
}

const blankToNull = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value.trim() : null)

/** The options with the template's defaults filled in: what the report is actually built from. */
export function resolveOptions(options: ReportOptions): ResolvedOptions {
  const template = reportTemplateSpecs[options.template]
  const name = blankToNull(options.author?.name)
  const title = blankToNull(options.author?.title)
  if (template.public) {
    // Nothing the person asks for can put private work, notes or salaries on a public page.
    const sections = (options.sections ?? template.sections).filter((s) => publicSections.includes(s))
    return {
      period: options.period,
      timeZone: options.timeZone ?? hostTimeZone(),
      template,
      sections,
      exclude: { privateRepositories: true, notes: true, salaryRanges: true },
      author: name === null && title === null ? null : { name, title },
      pageSize: options.pageSize,
    }
  }
  return {
    period: options.period,
    timeZone: options.timeZone ?? hostTimeZone(),
    template,
    sections: options.sections ? [...options.sections] : [...template.sections],
    exclude: {
      privateRepositories: options.exclude.privateRepositories ?? template.exclude.privateRepositories,
      notes: options.exclude.notes ?? template.exclude.notes,
      salaryRanges: options.exclude.salaryRanges ?? template.exclude.salaryRanges,
    },
    author: name === null && title === null ? null : { name, title },
    pageSize: options.pageSize,
  }
}
