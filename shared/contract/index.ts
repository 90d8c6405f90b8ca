import type { ClientOf, HandlersOf } from './channel'
import { roadmapChannels } from './roadmap'

/**
 * Every channel of the app, grouped by feature. Adding a feature means adding one
 * namespace here; the registry, preload, client and web routes follow from it.
 */
export const contract = {
  roadmap: roadmapChannels,
}

export type Contract = typeof contract
export type Api = ClientOf<Contract>
export type Handlers = HandlersOf<Contract>

export * from './result'
export { channelName, listChannels } from './channel'
export { createClient, type Invoke } from './client'
