import { z } from 'zod'
import { channel } from './channel'
import { itemId, noInput } from './fields'
import { roomSecret, syncServerUrl } from './syncServerUrl'
import type { ItemSyncNotices, SyncStatus } from '../domain/sync'

const noticeId = z.strictObject({
  id: z.number({ error: 'Choose a notice' }).int('Choose a notice').positive('Choose a notice'),
})

const localId = (what: string) =>
  z.number({ error: `Choose ${what}` }).int(`Choose ${what}`).positive(`Choose ${what}`).optional()

/** Which item's notices a view wants; without an id, every notice about that kind of item. */
const about = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('goal'), id: localId('a goal') }),
    z.strictObject({ kind: z.literal('milestone'), id: localId('a milestone') }),
    z.strictObject({ kind: z.literal('activity'), id: localId('an activity') }),
    z.strictObject({ kind: z.literal('item'), id: itemId.optional() }),
  ],
  { error: 'Ask about a goal, a milestone, an activity or a roadmap item' },
)

export const syncChannels = {
  status: channel<SyncStatus>()(noInput),
  /**
   * Turns sync on with a folder the person shares between machines. The first machine sets
   * the passphrase; the others must give the same one. Local data stays and is merged.
   */
  enable: channel<SyncStatus>()(
    z.strictObject({
      folder: z
        .string({ error: 'Choose a folder to sync through' })
        .trim()
        .min(1, 'Choose a folder to sync through')
        .max(1000, 'That folder path is too long')
        .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'Give the folder’s full path, e.g. /home/you/Sync/pathfinder'),
      passphrase: z.string({ error: 'A passphrase is required' }).min(10, 'Use a passphrase of at least 10 characters').max(500, 'That passphrase is too long'),
      deviceName: z.string({ error: 'Name this machine' }).trim().min(1, 'Name this machine').max(100, 'Keep the name under 100 characters'),
    }),
  ),
  /** Stops syncing; every row stays on this machine. */
  disable: channel<SyncStatus>()(noInput),
  /** Reads the folder and writes this machine's changes now. */
  syncNow: channel<SyncStatus>()(noInput),
  /** The desktop folder dialog; null when cancelled. */
  pickFolder: channel<{ folder: string | null }>()(noInput),
  /** Takes the other machine's value of a field edited on both. */
  useOther: channel<SyncStatus>()(noticeId),
  /**
   * The open conflicts and "kept the edit" notices, each with the local id of what it is about:
   * every one, or those of one kind of item, or of one item (a goal's include its milestones).
   */
  notices: channel<ItemSyncNotices>()(z.strictObject({ about: about.optional() })),
  /** Keeps this machine's value of a field edited on both (settled on every machine), or hides another notice here. */
  dismiss: channel<SyncStatus>()(noticeId),
  /**
   * The optional second transport: a self-hosted automerge-repo sync server. It holds the
   * documents unencrypted (such a server must read them), so only one the person runs. Used
   * while sync is on; the room secret itself is never sent, only ids derived from it.
   */
  setServer: channel<SyncStatus>()(z.strictObject({ url: syncServerUrl, roomSecret })),
  /** Stops using the sync server and forgets its address and room secret; local data stays. */
  clearServer: channel<SyncStatus>()(noInput),
}
