/** Where Credly serves Open Badges 2.0 JSON for the badges shown on its pages. */
export const defaultCredlyApiUrl = 'https://api.credly.com'

/**
 * The Open Badges assertion behind a Credly badge page (https://www.credly.com/badges/<id>),
 * or null for any other address. The page itself is HTML for people; the assertion is the data.
 */
export function credlyAssertionUrl(address: string, apiUrl = defaultCredlyApiUrl): string | null {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return null
  }
  if (url.hostname !== 'www.credly.com' && url.hostname !== 'credly.com') return null
  const id = /^\/badges\/([0-9a-f-]{36})(?:\/|$)/i.exec(url.pathname)?.[1]
  return id ? `${apiUrl.replace(/\/$/, '')}/v1/obi/v2/badge_assertions/${id.toLowerCase()}` : null
}
