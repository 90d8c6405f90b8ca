const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for an HTML element or a quoted attribute: nothing in it can open a tag or end the quote. */
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => entities[c] ?? c)

/** A link the report may print: http(s) only, normalised by the URL parser, escaped for an attribute. */
export function safeHref(url: string | null): string | null {
  if (url === null) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? esc(parsed.href) : null
  } catch {
    return null
  }
}

/** A user link as an anchor that opens outside the app, or the text alone when it is not http(s). */
export const link = (text: string, url: string | null): string => {
  const href = safeHref(url)
  return href === null ? esc(text) : `<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${esc(text)}</a>`
}
