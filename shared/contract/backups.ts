import { z } from 'zod'
import { channel } from './channel'
import { noInput } from './fields'
import type { BackupInfo, RestoreResult } from '../domain/backups'

export const backupsChannels = {
  /** Every backup in the data folder, newest first. */
  list: channel<BackupInfo[]>()(noInput),
  /** A backup made now, kept until the person deletes it (not rotated). */
  create: channel<BackupInfo>()(noInput),
  /**
   * Replaces all data with a backup from `list`, after checking it and backing up the
   * current state. The renderer reloads everything afterwards.
   */
  restore: channel<RestoreResult>()(
    z.strictObject({
      name: z
        .string({ error: 'Choose a backup to restore' })
        .min(1, 'Choose a backup to restore')
        .max(200, 'That is not the name of a backup'),
    }),
  ),
}
