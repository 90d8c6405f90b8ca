import type { ClientOf, HandlersOf } from './channel'
import { activitiesChannels } from './activities'
import { backupsChannels } from './backups'
import { calendarChannels } from './calendar'
import { dataChannels } from './data'
import { goalsChannels } from './goals'
import { hostChannels } from './host'
import { importsChannels } from './imports'
import { profileChannels } from './profile'
import { progressChannels } from './progress'
import { remindersChannels } from './reminders'
import { reportsChannels } from './reports'
import { resumeChannels } from './resume'
import { roadmapChannels } from './roadmap'
import { weeklyReviewChannels } from './weeklyReview'
import { syncChannels } from './sync'

/**
 * Every channel of the app, grouped by feature. Adding a feature means adding one
 * namespace here; the registry, preload, client and web routes follow from it.
 */
export const contract = {
  roadmap: roadmapChannels,
  backups: backupsChannels,
  data: dataChannels,
  goals: goalsChannels,
  progress: progressChannels,
  activities: activitiesChannels,
  imports: importsChannels,
  reports: reportsChannels,
  host: hostChannels,
  profile: profileChannels,
  reminders: remindersChannels,
  reviews: weeklyReviewChannels,
  resume: resumeChannels,
  calendar: calendarChannels,
  sync: syncChannels,
}

export type Contract = typeof contract
export type Api = ClientOf<Contract>
export type Handlers = HandlersOf<Contract>

export * from './result'
export { channelName, listChannels } from './channel'
export { createClient, type Invoke } from './client'
