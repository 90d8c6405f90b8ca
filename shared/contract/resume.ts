import { z } from 'zod'
import { channel } from './channel'
import { reportDeliveries } from '../domain/report'
import type { ExportedFile } from '../domain/exportedFile'
import { reportOptions } from './reports'

export const resumeChannels = {
  /**
   * The period's work as a JSON Resume file (jsonresume.org), from the composer's options:
   * its period, time zone and author. Private repositories stay out unless
   * `exclude.privateRepositories` is false, whatever the template's default. Delivered like a
   * report export; not kept in the report history.
   */
  export: channel<ExportedFile>()(
    z.strictObject({
      options: reportOptions,
      delivery: z.enum(reportDeliveries, { error: 'Delivery must be save-dialog or download' }),
    }),
  ),
}
