/**
 * A link as a resume may carry it: absolute http(s) only, normalised by the URL parser, so a
 * theme that turns it into `href` can never be handed `javascript:` or a relative path.
 */
export function safeLink(text: string | null): string | null {
  if (text === null) return null
  try {
    const url = new URL(text.trim())
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    if (url.username !== '' || url.password !== '') return null
    return url.href
  } catch {
    return null
  }
}

/** "dev.to" for https://www.dev.to/me/post: where a blog post was published. */
export function publisherOf(link: string | null): string | null {
  if (link === null) return null
  const host = new URL(link).hostname.toLowerCase()
  return host.startsWith('www.') ? host.slice(4) : host
}
