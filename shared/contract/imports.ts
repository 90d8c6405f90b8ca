import { z } from 'zod'
import { channel } from './channel'
import { httpUrl, importFile, isoDate, noInput } from './fields'
import { activityFilter } from './activities'
import { forgeImportChannels } from './forgeImports'
import { sourceImportChannels } from './sourceImports'
import type { CsvExport, CsvPreview, ImportProgress, ImportSettings, ImportSummary } from '../domain/activities'

const email = z
  .string({ error: 'An email address is text' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'That does not look like an email address' }).max(320, 'That email address is too long'))
const emails = z.array(email, { error: 'Emails are a list of addresses' }).max(50, 'List at most 50 email addresses')

/** GitHub's own rule for logins: letters, digits and single inner hyphens, up to 39 characters. */
export const githubLogin = z
  .string({ error: 'A GitHub username is required' })
  .trim()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/, 'That is not a GitHub username (letters, digits and hyphens)')

/** The caller picks it, so it can ask for progress or cancel while the import runs. */
const importId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An import id is 1 to 64 letters, digits, - or _')

const csvText = z.string({ error: 'The CSV text is required' }).max(50_000_000, 'That CSV text is too large to send (50 MB at most); import it as a file')
/** The CSV as text in the call, or as a file the core reads (any size the app exports). */
const csvSource = <T extends z.ZodRawShape>(rest: T) =>
  z.union([z.strictObject({ text: csvText, ...rest }), z.strictObject({ file: importFile, ...rest })], { error: 'Choose a CSV file to import' })
const skipLines = z.array(z.number().int().min(2, 'Line 1 is the header')).max(100_000).optional()

export const importsChannels = {
  settings: channel<ImportSettings>()(noInput),
  setSettings: channel<ImportSettings>()(
    z.strictObject({
      gitEmails: emails.optional(),
      githubUsername: githubLogin.nullable().optional(),
      /** Drops the GitHub token the host keeps. */
      forgetGitHubToken: z.literal(true, { error: 'forgetGitHubToken is true or left out' }).optional(),
    }),
  ),
  /** Every git repository under the folder; commits by the given (or saved) emails. */
  git: channel<ImportSummary>()(
    z.strictObject({
      folder: z.string({ error: 'Pick a folder' }).min(1, 'Pick a folder').max(4096, 'That folder path is too long'),
      emails: emails.min(1, 'Give at least one email address').optional(),
      importId: importId.optional(),
    }),
  ),
  /**
   * A token given is kept by the host (OS keychain in the app, memory for the session in the web
   * host) once GitHub has accepted it, never in SQLite; left out, the kept one is used.
   */
  github: channel<ImportSummary>()(
    z.strictObject({
      token: z.string().trim().max(500, 'That token is too long').optional(),
      username: githubLogin,
      /** Only items updated on or after this day. */
      since: isoDate.optional(),
      /** GitHub Enterprise's API root; https://api.github.com when left out. */
      apiUrl: httpUrl.optional(),
      importId: importId.optional(),
    }),
  ),
  /** Checks a CSV file and says what an import would do, changing nothing. */
  csvPreview: channel<CsvPreview>()(csvSource({ skipLines, importId: importId.optional() })),
  /** All or nothing: any bad line not listed in skipLines rejects the whole file. */
  csvCommit: channel<ImportSummary>()(csvSource({ skipLines, importId: importId.optional() })),
  csvExport: channel<CsvExport>()(z.strictObject({ filter: activityFilter.optional() })),
  /** The latest progress of a running (or just finished) import; null when unknown. */
  progress: channel<ImportProgress | null>()(z.strictObject({ importId })),
  cancel: channel<{ cancelled: boolean }>()(z.strictObject({ importId })),
  ...forgeImportChannels,
  // Stack Exchange, blog feeds, badges and calendars.
  ...sourceImportChannels,
}
