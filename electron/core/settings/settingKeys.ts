/**
 * Every key the app stores in the setting table, in one place: an import accepts these and
 * no others, so a file cannot fill the table with keys nothing reads.
 */
export const settingKeys = {
  activePath: 'roadmap.activePathId',
  importSettings: 'imports.settings',
  privateRepositories: 'reports.privateRepositories',
  /** The report composer's last choices per template. */
  reportComposer: 'reports.composer',
  /** Name and job title, which reports put on their cover. */
  profile: 'profile.person',
  /** True once the first-run introduction was finished or skipped. */
  onboardingDone: 'profile.onboardingDone',
  /** Due-date reminders on or off, and the weekly review's day and time. */
  reminders: 'reminders.settings',
  /** Random, made once: the data folder's part of calendar UIDs (see calendarFolderId). */
  calendarFolderId: 'calendar.folderId',
  /** One list per path, so choosing tracks in one role never forgets the choice in another. */
  chosenTracks: (pathId: string): string => `${chosenTracksPrefix}${pathId}`,
} as const

const chosenTracksPrefix = 'roadmap.chosenTracks.'

export const isKnownSettingKey = (key: string): boolean =>
  key === settingKeys.activePath ||
  key === settingKeys.importSettings ||
  key === settingKeys.privateRepositories ||
  key === settingKeys.reportComposer ||
  key === settingKeys.profile ||
  key === settingKeys.onboardingDone ||
  key === settingKeys.reminders ||
  key === settingKeys.calendarFolderId ||
  (key.startsWith(chosenTracksPrefix) && key.length > chosenTracksPrefix.length)
