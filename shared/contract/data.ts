import { z } from 'zod'
import { channel } from './channel'
import { importFile, noInput } from './fields'
import type { ExportFile, ImportResult } from '../domain/dataTransfer'

/** The most a JSON body may carry; a file (importFile) may be as large as maxImportFileBytes. */
export const maxImportLength = 50_000_000

export const dataChannels = {
  /** Everything the person made, as one versioned JSON document. */
  exportAll: channel<ExportFile>()(noInput),
  /**
   * Replaces all user data with an export's, after checking all of it and backing up the
   * current state. A file that is refused changes nothing. The renderer reloads afterwards.
   */
  importAll: channel<ImportResult>()(
    z.union(
      [
        z.strictObject({
          json: z
            .string({ error: 'Choose an export file to import' })
            .min(1, 'The file is empty')
            .max(maxImportLength, 'That file is too large to send as text (over 50 MB); import it as a file'),
        }),
        /** The way the app imports: the core reads the file, of any size an export has. */
        z.strictObject({ file: importFile }),
      ],
      { error: 'Choose an export file to import' },
    ),
  ),
}
