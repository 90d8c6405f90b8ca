import type { ActivityKind } from './activities'

/** A noun's singular and plural, for phrases like "1 talk" and "3 talks". */
export type Noun = readonly [one: string, many: string]

/** Activity kinds as running text ("3 pull requests"); the labels in `activityKindLabels` are for headings. */
export const activityNouns: Record<ActivityKind, Noun> = {
  'pull-request': ['pull request', 'pull requests'],
  issue: ['issue', 'issues'],
  'code-review': ['code review', 'code reviews'],
  docs: ['documentation change', 'documentation changes'],
  release: ['release', 'releases'],
  commits: ['day of commits', 'days of commits'],
  certification: ['certification', 'certifications'],
  meetup: ['meetup', 'meetups'],
  talk: ['talk', 'talks'],
  'forum-answer': ['forum answer', 'forum answers'],
  'blog-post': ['blog post', 'blog posts'],
  'portfolio-project': ['portfolio project', 'portfolio projects'],
  learning: ['learning session', 'learning sessions'],
}

/** The form of `noun` that goes with `n`. */
export const nounFor = (n: number, [one, many]: Noun): string => (n === 1 ? one : many)

/** "3 pull requests", "1 talk"; `format` writes the number (as is, unless given). */
export const count = (n: number, noun: Noun, format: (n: number) => string = String): string => `${format(n)} ${nounFor(n, noun)}`

/** "a", "a and b", "a, b and c" */
export const joinWords = (parts: readonly string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
