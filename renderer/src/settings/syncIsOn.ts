import { api } from '../api/client'

/**
 * Whether sync is on now. A restore or an import is then imposed on the other machines too
 * (what came after goes there as well), so the confirmation says so.
 */
export async function syncIsOn(): Promise<boolean> {
  const result = await api.sync.status({})
  return result.ok && result.value.enabled
}

/** What a restore or an import means for the other machines, said before it runs. */
export const imposedOnOthers = {
  restore: 'Sync is on, so your other machines go back to this backup too: what was added or changed on any of them after it is undone, and what was deleted since comes back.',
  import: 'Sync is on, so your other machines take the file’s data too: what they hold that the file does not is deleted there as well.',
}
