import { format, parseISO } from 'date-fns'
import { z } from 'zod'
import type { ActivityKind, ActivitySource, ActivityState } from '@shared/domain/activities'
import type { ImportedFields } from '../../activities/activityRow'
import { replaceLoneSurrogates } from '../../ipc/nulCharacters'

/**
 * A title as a forge sent it, made storable: SQLite's text functions stop at a NUL and a lone
 * surrogate has no UTF-8 form, so either shows as U+FFFD.
 */
export const forgeTitle = z.string().transform((text) => replaceLoneSurrogates(text.replaceAll('\0', '\uFFFD')))

/** The day, in the person's own calendar, of a forge's timestamp; null for one that is not a date. */
export function localDay(timestamp: string | number): string | null {
  const date = typeof timestamp === 'number' ? new Date(timestamp) : parseISO(timestamp)
  return Number.isNaN(date.getTime()) ? null : format(date, 'yyyy-MM-dd')
}

/** The host of a web link, or `fallback` when the link is not one. */
export function hostOf(url: string | null | undefined, fallback: string): string {
  try {
    return url ? new URL(url).host : fallback
  } catch {
    return fallback
  }
}

/** What each forge's imports store as an activity's source. */
export const forgeSources = { gitlab: 'gitlab', gitea: 'gitea', bitbucket: 'bitbucket' } as const satisfies Record<string, ActivitySource>

export interface ForgeItem {
  kind: ActivityKind
  /** When the work happened: an ISO timestamp, or epoch milliseconds (Bitbucket Data Center). */
  at: string | number
  title: string
  url: string | null | undefined
  repo: string
  state: ActivityState | null
  /** Where the forge keeps it, stable across imports ("gitlab:gitlab.com:mr:group/app!12"). */
  externalKey: string
}

/** What the store keeps of a forge's item; null for one without a usable date. */
export function forgeFields(item: ForgeItem, source: ActivitySource): ImportedFields | null {
  const date = localDay(item.at)
  // A key that long is no forge's (a hostile server's padding): the item cannot be told apart reliably, so it is left out.
  if (date === null || item.externalKey.length > 600) return null
  return {
    kind: item.kind,
    starred: false,
    date,
    title: item.title.trim().slice(0, 200) || item.externalKey.slice(0, 200),
    url: item.url && /^https?:\/\//.test(item.url) ? item.url.slice(0, 2000) : null,
    repo: item.repo.slice(0, 200),
    state: item.state,
    hours: null,
    notes: null,
    impact: null,
    goalId: null,
    skillIds: [],
    source,
    externalKey: item.externalKey,
    commitCount: null,
    linesChanged: null,
  }
}
