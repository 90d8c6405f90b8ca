import { contract } from '@shared/contract'
import { hostTimeZone } from '@shared/contract/reports'
import type { CoreContext } from '../context'
import { assertCanDeliver, deliverText } from '../host/deliverText'
import { handle, type CoreHandlers } from '../ipc/handle'
import { dayIn } from '../reports/period'
import { calendarFolderId } from './calendarFolderId'
import { createCalendarSources } from './calendarSources'
import { weeklyReviewForCalendar, type WeeklyReviewReader } from './weeklyReviewSchedule'

// ical-generator is loaded by the first calendar export, not by every start of the app.
const builder = () => import('./buildCalendar')

export const calendarFileName = 'pathfinder-goals.ics'

export function calendarHandlers(ctx: CoreContext, readWeeklyReview: WeeklyReviewReader = weeklyReviewForCalendar): CoreHandlers['calendar'] {
  const { db, settings, now, log, host } = ctx
  const sources = createCalendarSources(db)

  return {
    export: handle(
      contract.calendar.export,
      async ({ timeZone, delivery }) => {
        assertCanDeliver(host, delivery)
        const { buildCalendar } = await builder()
        const at = now()
        const text = buildCalendar({
          sources: sources.load(),
          folderId: calendarFolderId(settings),
          weeklyReview: readWeeklyReview(ctx),
          today: dayIn(at, timeZone ?? hostTimeZone()),
          now: at,
        })
        return deliverText(host, delivery, { fileName: calendarFileName, mimeType: 'text/calendar; charset=utf-8', text })
      },
      log,
    ),
  }
}
