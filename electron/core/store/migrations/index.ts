import type { Migration } from './types'
import { roadmap } from './001_roadmap'

/** In order. Append only: a shipped migration is never edited, a new one is added. */
export const migrations: readonly Migration[] = [roadmap]

export type { Migration }
