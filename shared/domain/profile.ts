/** Who the person is, for reports and the first screen. Kept in the store, exported with it. */
export interface Profile {
  name: string | null
  jobTitle: string | null
  /**
   * 'pending' only on a store with nothing in it that has never finished or skipped the
   * introduction; a store with activities or goals never shows it, whatever its age.
   */
  onboarding: 'pending' | 'done'
}
