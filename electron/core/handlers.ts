import type { CoreContext } from './context'
import type { CoreHandlers } from './ipc/handle'
import { activitiesHandlers } from './activities/activitiesHandlers'
import { backupsHandlers } from './backups/backupsHandlers'
import { calendarHandlers } from './calendar/calendarHandlers'
import { dataHandlers } from './dataTransfer/dataHandlers'
import { goalsHandlers } from './goals/goalsHandlers'
import { hostHandlers } from './host/hostHandlers'
import { importsHandlers } from './importers/importsHandlers'
import { profileHandlers } from './profile/profileHandlers'
import { progressHandlers } from './progress/progressHandlers'
import { remindersHandlers } from './reminders/remindersHandlers'
import { resumeHandlers } from './reports/jsonResume/resumeHandlers'
import { reportsHandlers } from './reports/reportsHandlers'
import { roadmapHandlers } from './roadmap/roadmapHandlers'
import { weeklyReviewHandlers } from './weeklyReview/weeklyReviewHandlers'
import { syncHandlers } from './sync/syncHandlers'

/** The one place a feature's handlers join the app. The type makes a missing one a build error. */
export function createHandlers(ctx: CoreContext): CoreHandlers {
  return {
    roadmap: roadmapHandlers(ctx),
    backups: backupsHandlers(ctx),
    data: dataHandlers(ctx),
    goals: goalsHandlers(ctx),
    progress: progressHandlers(ctx),
    activities: activitiesHandlers(ctx),
    imports: importsHandlers(ctx),
    reports: reportsHandlers(ctx),
    host: hostHandlers(ctx),
    profile: profileHandlers(ctx),
    reminders: remindersHandlers(ctx),
    reviews: weeklyReviewHandlers(ctx),
    resume: resumeHandlers(ctx),
    calendar: calendarHandlers(ctx),
    sync: syncHandlers(ctx),
  }
}
