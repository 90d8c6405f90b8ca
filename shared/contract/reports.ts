import { z } from 'zod'
import { channel } from './channel'
import { isoDate, noInput } from './fields'
import {
  reportExportFormats,
  reportDeliveries,
  type ExportedReport,
  reportFormats,
  reportPageSizes,
  reportPresets,
  reportSections,
  reportTemplates,
  type PrintableReport,
  type RenderedReport,
  type ReportComposerMemory,
  type ReportExport,
  type ReportPreview,
} from '../domain/report'

const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** The zone of the machine the core runs on, when the renderer does not say. */
export const hostTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

export const timeZone = z
  .string({ error: 'A time zone is text like Europe/Berlin' })
  .trim()
  .min(1, 'A time zone is required')
  .max(64, 'That time zone name is too long')
  .refine(isTimeZone, 'Use a time zone like Europe/Berlin or America/New_York')

const presetOnly = (preset: Exclude<(typeof reportPresets)[number], 'custom'>) => z.strictObject({ preset: z.literal(preset) })

export const reportPeriod = z.discriminatedUnion(
  'preset',
  [
    presetOnly('this-month'),
    presetOnly('this-quarter'),
    presetOnly('this-year'),
    presetOnly('last-12-months'),
    presetOnly('all-time'),
    z
      .strictObject({ preset: z.literal('custom'), from: isoDate, to: isoDate })
      .refine((p) => p.from <= p.to, { message: 'The start date must not be after the end date', path: ['from'] }),
  ],
  { error: `Period must be one of: ${reportPresets.join(', ')}` },
)

const personText = (what: string) =>
  z
    .string()
    .trim()
    .max(120, `Keep the ${what} under 120 characters`)
    .refine((v) => !/[\r\n]/.test(v), `The ${what} fits on one line`)
    .nullable()
    .optional()

export const reportOptions = z.strictObject({
  period: reportPeriod,
  /** IANA zone whose calendar the period's days are taken in; the host's zone when left out. */
  timeZone: timeZone.optional(),
  template: z.enum(reportTemplates, { error: `Template must be one of: ${reportTemplates.join(', ')}` }).default('personal-review'),
  /** Sections in the order to print them; the template's defaults when left out. */
  sections: z
    .array(z.enum(reportSections, { error: `Sections are some of: ${reportSections.join(', ')}` }), { error: 'Sections must be a list' })
    .max(reportSections.length, 'A section is listed twice')
    .refine((s) => new Set(s).size === s.length, 'A section is listed twice')
    .optional(),
  /** What to leave out; each one the template's default when left out. */
  exclude: z
    .strictObject({
      privateRepositories: z.boolean({ error: 'Say true or false for private repositories' }).optional(),
      notes: z.boolean({ error: 'Say true or false for notes' }).optional(),
      salaryRanges: z.boolean({ error: 'Say true or false for salary ranges' }).optional(),
    })
    .prefault({}),
  author: z.strictObject({ name: personText('name'), title: personText('job title') }).optional(),
  pageSize: z.enum(reportPageSizes, { error: 'Page size must be a4 or letter' }).default('a4'),
})

/** One template's composer choices as kept between visits: the options, the template aside. */
export const reportComposerChoices = z.strictObject({
  period: z.strictObject({ preset: z.enum(reportPresets, { error: `Period must be one of: ${reportPresets.join(', ')}` }), from: isoDate.optional(), to: isoDate.optional() }),
  sections: z
    .array(z.enum(reportSections, { error: `Sections are some of: ${reportSections.join(', ')}` }), { error: 'Sections must be a list' })
    .max(reportSections.length, 'A section is listed twice')
    .refine((s) => new Set(s).size === s.length, 'A section is listed twice'),
  exclude: z.strictObject({
    privateRepositories: z.boolean({ error: 'Say true or false for private repositories' }),
    notes: z.boolean({ error: 'Say true or false for notes' }),
    salaryRanges: z.boolean({ error: 'Say true or false for salary ranges' }),
  }),
  author: z.strictObject({ name: personText('name').transform((v) => v ?? null), title: personText('job title').transform((v) => v ?? null) }),
  pageSize: z.enum(reportPageSizes, { error: 'Page size must be a4 or letter' }),
})

export type ReportOptionsInput = z.input<typeof reportOptions>
export type ReportOptions = z.output<typeof reportOptions>

const repositoryName = z
  .string({ error: 'A repository is text like owner/name' })
  .trim()
  .min(1, 'A repository name is required')
  .max(200, 'Keep the repository name under 200 characters')
  .refine((v) => !/[\r\n\t]/.test(v), 'A repository name fits on one line')

export const reportsChannels = {
  /** The report as the composer previews it: its HTML and its key figures. */
  preview: channel<ReportPreview>()(z.strictObject({ options: reportOptions })),
  /**
   * One export as text. `record: true` keeps its key figures in the export history, so the
   * next report can say what changed since.
   */
  render: channel<RenderedReport>()(
    z.strictObject({
      options: reportOptions,
      format: z.enum(reportFormats, { error: `Format must be one of: ${reportFormats.join(', ')}` }),
      record: z.boolean({ error: 'Record must be true or false' }).default(false),
    }),
  ),
  /** The HTML, file name and print options a host prints to PDF with Chromium. */
  printable: channel<PrintableReport>()(z.strictObject({ options: reportOptions })),
  /** Records an export a host finished itself (a saved PDF), answering the history row. */
  recordExport: channel<ReportExport>()(
    z.strictObject({
      options: reportOptions,
      format: z.enum(reportExportFormats, { error: `Format must be one of: ${reportExportFormats.join(', ')}` }),
    }),
  ),
  /**
   * Renders, prints (PDF) and delivers an export in one call, then records it. Long exports
   * (PDF) run in Chromium; the desktop app asks where to save, the browser downloads.
   */
  export: channel<ExportedReport>()(
    z.strictObject({
      options: reportOptions,
      format: z.enum(reportExportFormats, { error: `Format must be one of: ${reportExportFormats.join(', ')}` }),
      delivery: z.enum(reportDeliveries, { error: 'Delivery must be save-dialog or download' }),
    }),
  ),
  /** Past exports, newest first, with their key figures. */
  history: channel<ReportExport[]>()(
    z
      .strictObject({ limit: z.number().int('The limit is a whole number').min(1, 'Ask for at least one').max(500, 'Ask for at most 500').default(50) })
      .prefault({}),
  ),
  /** The composer's last choices, per template, and the template used last. */
  composerMemory: channel<ReportComposerMemory>()(noInput),
  /** Keeps one template's choices (and makes it the last used), answering the whole memory. */
  rememberComposer: channel<ReportComposerMemory>()(
    z.strictObject({
      template: z.enum(reportTemplates, { error: `Template must be one of: ${reportTemplates.join(', ')}` }),
      choices: reportComposerChoices,
    }),
  ),
  /** Repositories whose work stays out of reports that leave private repositories out. */
  privateRepositories: channel<string[]>()(noInput),
  /** Replaces the list. "owner/*" marks every repository of an owner. */
  setPrivateRepositories: channel<string[]>()(
    z.strictObject({
      repositories: z.array(repositoryName, { error: 'Repositories must be a list' }).max(500, 'Mark at most 500 repositories'),
    }),
  ),
}
