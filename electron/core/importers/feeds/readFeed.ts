import { parseFeed } from '@rowanmanning/feed-parser'
import { DomainError } from '../../ipc/domainError'
import { htmlToParagraphs, htmlToText } from '../plainText'

/** One post as the import uses it: plain text only, whatever markup the feed held. */
export interface FeedPost {
  /** The feed's own id for it (RSS guid, Atom id), else its link. */
  id: string | null
  title: string
  url: string | null
  /** Published, else updated; null when the feed gives neither or nothing readable. */
  date: Date | null
  summary: string
}

export interface ReadFeed {
  title: string
  /** The address of the site the feed is for. */
  site: string | null
  posts: FeedPost[]
}

const refuse = (message: string): DomainError => new DomainError('invalid-input', `${message} Nothing was imported.`, [{ path: 'feed', message }])

/** An http(s) address, resolved against the feed's own address; anything else (javascript:, data:) is dropped. */
function webLink(link: string | null, base: string | null): string | null {
  if (!link) return null
  try {
    const url = base ? new URL(link, base) : new URL(link)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

const validDate = (date: Date | null): Date | null => (date !== null && Number.isFinite(date.getTime()) ? date : null)

/**
 * An RSS (0.9x, 1.0, 2.0) or Atom feed, read by @rowanmanning/feed-parser, which is lenient with
 * the feeds found in the wild. Titles and summaries are reduced to text here, so no markup a feed
 * carries reaches the store.
 */
export function readFeed(text: string, address: string | null): ReadFeed {
  const start = text.trimStart().slice(0, 200)
  if (!start.startsWith('<')) throw refuse(start.startsWith('{') ? 'This is JSON, not an RSS or Atom feed (JSON Feed is not read).' : 'This is not an RSS or Atom feed: it is not XML.')
  if (!/<(rss|feed|rdf:RDF)\b/i.test(text.slice(0, 5000))) throw refuse('This is not an RSS or Atom feed: it has no <rss> or <feed> element (a web page, perhaps; give the address of its feed).')
  // The parser reads what it can of a file cut short; an import of part of a feed is refused instead.
  if (!/<\/(rss|feed|rdf:RDF)\s*>\s*(<!--[\s\S]*?-->\s*)*$/i.test(text.slice(-2000))) throw refuse('The feed is cut short: it does not end where an RSS or Atom feed ends.')
  let feed: ReturnType<typeof parseFeed>
  try {
    feed = parseFeed(text)
  } catch (error) {
    throw refuse(`This is not an RSS or Atom feed${error instanceof Error && error.message ? ` (${error.message.slice(0, 200)})` : ''}.`)
  }
  // Each item's url resolves against the feed's, and the parser finds the feed's url anew each
  // time among every <link> of the document: 2,000 posts cost 2 s. Its value is read once here
  // and kept on this feed object, which every item asks.
  Object.defineProperty(feed, 'url', { value: feed.url })
  const base = webLink(feed.self, address) ?? address
  const posts: FeedPost[] = feed.items.map((item) => {
    const url = webLink(item.url, base)
    return {
      id: item.id?.trim() || url,
      title: htmlToText(item.title ?? '', 200),
      url,
      date: validDate(item.published) ?? validDate(item.updated),
      summary: htmlToParagraphs(item.description ?? item.content ?? '', 600),
    }
  })
  return { title: htmlToText(feed.title ?? '', 200), site: webLink(feed.url, base), posts }
}
