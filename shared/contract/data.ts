import { z } from 'zod'
import { channel } from './channel'
import { noInput } from './fields'
import type { ExportFile, ImportResult } from '../domain/dataTransfer'

/** Far above years of a person's data, far below what would stall the app to parse. */
export const maxImportLength = 50_000_000

export const dataChannels = {
  /** Everything the person made, as one versioned JSON document. */
  exportAll: channel<ExportFile>()(noInput),
  /**
   * Replaces all user data with an export's, after checking all of it and backing up the
   * current state. A file that is refused changes nothing. The renderer reloads afterwards.
   */
  importAll: channel<ImportResult>()(
    z.strictObject({
      json: z
        .string({ error: 'Choose an export file to import' })
        .min(1, 'The file is empty')
        .max(maxImportLength, 'That file is too large to be a Pathfinder export (over 50 MB)'),
    }),
  ),
}
