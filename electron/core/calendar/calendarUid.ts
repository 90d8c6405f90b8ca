/**
 * UIDs: the kind and id of the row, then the data folder's own id, so goal 3 of one person never
 * replaces goal 3 of another in a shared calendar. Only [a-z0-9.-@] appear: the UID line is
 * written as is.
 */
export const uidDomain = (folderId: string): string => `${folderId}.pathfinder.local`
export const goalUid = (id: number, folderId: string): string => `goal-${id}@${uidDomain(folderId)}`
export const milestoneUid = (id: number, folderId: string): string => `milestone-${id}@${uidDomain(folderId)}`
