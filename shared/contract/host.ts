import { z } from 'zod'
import { channel } from './channel'
import { noInput } from './fields'
import { pickFileKinds, type HostInfo } from '../domain/host'

export const hostChannels = {
  info: channel<HostInfo>()(noInput),
  /** Opens the native folder picker; null when the person cancels. */
  pickFolder: channel<{ path: string | null }>()(noInput),
  /** Opens the native file picker for a file to import; null when the person cancels. */
  pickFile: channel<{ path: string | null }>()(z.strictObject({ kind: z.enum(pickFileKinds, { error: 'Pick an export, a CSV, a feed, a badge or a calendar file' }) })),
}
