import { format } from 'date-fns'
import type { ImportIssue, ImportSummary } from '@shared/domain/activities'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { ImportedFields } from '../../activities/activityRow'
import type { Db } from '../../store/database'
import { importedActivity, keyFor } from '../importedActivity'
import { inSlices, throwIfCancelled, type ImportRun } from '../importRun'
import { oneLine } from '../plainText'
import { writeImportWhenNeeded } from '../writeImport'
import { readFeed, type FeedPost } from './readFeed'

export interface FeedImportOptions extends ImportRun {
  text: string
  /** Where the feed was fetched from, to resolve its relative links; null for a file. */
  address: string | null
  now: () => Date
}

/** More posts than any blog has; a feed past it is cut there, and the summary says so. */
export const maxFeedPosts = 20_000
/** No blog post is older than the web; a date before is a feed's mistake (0001-01-01, 1900...). */
const earliest = Date.UTC(1991, 0, 1)
const dayMs = 86_400_000

const count = (n: number): string => n.toLocaleString('en-US')

function blogName(feed: { title: string; site: string | null }): string | null {
  if (feed.title) return feed.title
  try {
    return feed.site ? new URL(feed.site).host : null
  } catch {
    return null
  }
}

/**
 * Every post of a feed, each a blog post on the day it was published (else updated). A post
 * with no usable date, or one before 1991 or more than a day ahead, is left out and said so:
 * a guessed day would put it in the wrong year of a report. Matched again by the feed's id for
 * it, so a feed imported twice, or one that grew, adds only its new posts.
 */
export async function importFeed(db: Db, repo: ActivitiesRepository, options: FeedImportOptions): Promise<ImportSummary> {
  const { signal, onProgress } = options
  onProgress?.(0, 0, 'Reading the feed')
  const feed = readFeed(options.text, options.address)
  throwIfCancelled(signal)
  const notes: ImportIssue[] = []
  let posts: FeedPost[] = feed.posts
  if (posts.length > maxFeedPosts) {
    notes.push({ message: `The feed has ${count(posts.length)} posts; the first ${count(maxFeedPosts)} were read.` })
    posts = posts.slice(0, maxFeedPosts)
  }
  const latest = options.now().getTime() + dayMs
  const blog = blogName(feed)
  const items: ImportedFields[] = []
  const undated: string[] = []
  await inSlices(
    posts,
    (post) => {
      const at = post.date?.getTime()
      const name = post.title || post.url || post.id || 'A post'
      if (at === undefined || at < earliest || at > latest) {
        undated.push(name)
        return
      }
      const id = post.id ?? post.url ?? `${post.title}@${at}`
      const fields = importedActivity(
        { kind: 'blog-post', date: format(new Date(at), 'yyyy-MM-dd'), title: post.title || oneLine(post.summary, 80) || post.url || 'Untitled post', url: post.url, repo: blog, notes: post.summary || null },
        'feed',
        keyFor('feed', id),
      )
      if ('problem' in fields) notes.push({ message: `"${name.slice(0, 80)}" was left out (${fields.problem}).` })
      else items.push(fields)
    },
    { signal, onPause: (done) => onProgress?.(done, posts.length, `Read ${count(done)} of ${count(posts.length)} posts`) },
  )
  if (undated.length > 0) {
    notes.push({ message: `${undated.length === 1 ? `"${undated[0]?.slice(0, 80)}" has` : `${count(undated.length)} posts have`} no date that can be right (none, before 1991, or in the future) and ${undated.length === 1 ? 'was' : 'were'} left out.` })
  }
  if (posts.length === 0) notes.push({ message: 'The feed has no posts.' })
  throwIfCancelled(signal)
  onProgress?.(posts.length, posts.length, `Saving ${count(items.length)} posts`)
  // A post already in the log keeps everything: its title and notes are the person's from then on.
  const summary = await writeImportWhenNeeded(db, repo, items, {
    findUnkeyed: (incoming) => (incoming.url ? repo.findByUrl(incoming.url, incoming.kind) : undefined),
    merge: () => null,
  }, options.now(), options)
  return { ...summary, errors: [...summary.errors, ...notes] }
}
