import { channel } from './channel'
import { noInput } from './fields'
import type { HostInfo } from '../domain/host'

export const hostChannels = {
  info: channel<HostInfo>()(noInput),
  /** Opens the native folder picker; null when the person cancels. */
  pickFolder: channel<{ path: string | null }>()(noInput),
}
