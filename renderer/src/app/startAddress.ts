import { rememberToken, tokenInFragment } from '../api/session'

/**
 * Puts the address the page was opened at into the shape the hash router reads, before the
 * router reads it:
 * - `/#token=...` (the web host's printed address): the token is kept and taken out of the
 *   address bar, so it is not in the history, a bookmark or a screenshot;
 * - `/activities/insights` (a link typed or pasted as a path): becomes `/#/activities/insights`.
 * The desktop app's `app://pathfinder/index.html` is left as it is.
 */
export function settleStartAddress(): void {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return
  const token = tokenInFragment(location.hash)
  if (token) rememberToken(token)
  const path = location.pathname === '/' || location.pathname === '/index.html' ? null : location.pathname
  const route = location.hash.startsWith('#/') ? location.hash.slice(1) : null
  if (token || path) history.replaceState(null, '', `/#${route ?? path ?? '/'}`)

  // The printed address pasted into a tab already showing the app changes only the fragment.
  window.addEventListener('hashchange', () => {
    const pasted = tokenInFragment(location.hash)
    if (!pasted) return
    rememberToken(pasted)
    location.replace('/')
  })
}
