import { z } from 'zod'
import { channel } from './channel'
import { reportDeliveries } from '../domain/report'
import type { ExportedFile } from '../domain/exportedFile'
import { timeZone } from './reports'

export const calendarChannels = {
  /**
   * Goals and milestones with a due date as an iCalendar (.ics) file, all-day events whose
   * UIDs stay the same from one export to the next, so importing it again updates them.
   */
  export: channel<ExportedFile>()(
    z.strictObject({
      /** The zone whose "today" places the weekly review's first event; the host's when left out. */
      timeZone: timeZone.optional(),
      delivery: z.enum(reportDeliveries, { error: 'Delivery must be save-dialog or download' }),
    }),
  ),
}
