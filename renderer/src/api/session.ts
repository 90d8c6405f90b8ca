import { bearer, sessionHeaderName, tokenFragmentKey } from '@shared/contract/transport'

/**
 * The web host's token, kept in this origin's storage: the browser scopes it by port, unlike
 * a cookie, so no other service on 127.0.0.1 ever sees it. It outlives a reload, a new tab
 * and a restart of the host on the same data folder and port (the host keeps its token).
 */
const storageKey = 'pathfinder.webHostToken'

export function rememberToken(token: string): void {
  localStorage.setItem(storageKey, token)
}

export const sessionHeaders = (): Record<string, string> => {
  const token = localStorage.getItem(storageKey)
  return token ? { [sessionHeaderName]: bearer(token) } : {}
}

/** The token in a fragment like `#token=...`, or null for any other fragment (a route). */
export function tokenInFragment(hash: string): string | null {
  const fragment = hash.replace(/^#/, '')
  if (!fragment.startsWith(`${tokenFragmentKey}=`)) return null
  return new URLSearchParams(fragment).get(tokenFragmentKey)
}
