import { reloadPage } from './reloadPage'

const storageKey = 'pathfinder.afterReload'

export interface AfterReload {
  message: string
  /** A backup to point out in the list: the safety copy taken just before. */
  highlight?: string
}

/**
 * After a restore or an import the core holds different data from what every Pinia store
 * loaded. We reload the whole renderer rather than broadcast a "data replaced" event: every
 * store, the ones other features add later included, starts again from the core, and none
 * can keep a stale list because it forgot to listen. Both actions are rare and deliberate,
 * so a moment's reload costs little. What to say afterwards survives the reload in
 * sessionStorage (this tab only) and is shown once by the Settings page, where the reload
 * lands.
 */
export function reloadWithNotice(notice: AfterReload): void {
  sessionStorage.setItem(storageKey, JSON.stringify(notice))
  reloadPage()
}

const isAfterReload = (value: unknown): value is AfterReload =>
  typeof value === 'object' &&
  value !== null &&
  'message' in value &&
  typeof value.message === 'string' &&
  (!('highlight' in value) || value.highlight === undefined || typeof value.highlight === 'string')

/** The notice left by reloadWithNotice, once. */
export function takeAfterReload(): AfterReload | null {
  const stored = sessionStorage.getItem(storageKey)
  if (stored === null) return null
  sessionStorage.removeItem(storageKey)
  try {
    const parsed: unknown = JSON.parse(stored)
    return isAfterReload(parsed) ? parsed : null
  } catch {
    return null
  }
}
