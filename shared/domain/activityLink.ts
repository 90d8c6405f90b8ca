import type { ActivityKind, ActivityState } from './activities'

/** What a pasted GitHub or GitLab link says about the work it points at, read from its text alone. */
export interface LinkFacts {
  kind: Extract<ActivityKind, 'pull-request' | 'issue' | 'commits' | 'release'>
  /** `owner/name`, or GitLab's `group/subgroup/project`. */
  repo: string
  /** The pull request, merge request or issue number. */
  number: number | null
  /** A release's tag or a commit's short hash. */
  ref: string | null
  /**
   * Only where the address itself says it. A PR or issue link never does (its state lives on
   * the server and this reads no network), so today this is null for every link shape.
   */
  state: ActivityState | null
  /** "Pull request #12 in owner/name", for a title box still empty. */
  summary: string
}

// GitHub's own rules: owners are letters, digits and single hyphens; names add dots and underscores.
const githubOwner = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const projectName = /^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,99}$/
const gitlabGroup = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/
const number = /^[1-9][0-9]{0,8}$/
const sha = /^[0-9a-f]{7,64}$/i
// A tag may hold dots, slashes and plus signs (v1.2.3+build), never spaces or control characters.
const tagName = /^[A-Za-z0-9][A-Za-z0-9._+\-/]{0,199}$/

const isName = (segment: string, rule: RegExp) => rule.test(segment) && segment !== '.' && segment !== '..' && !segment.endsWith('.git')

/** Path segments as written, or null where one is encoded in a way a name cannot be. */
function segments(pathname: string): string[] | null {
  const parts = pathname.split('/').filter((p) => p !== '')
  // %2F, %00 and friends never belong to a repository path: decline rather than guess.
  if (parts.some((p) => p.includes('%'))) return null
  return parts
}

const kindWords: Record<LinkFacts['kind'], string> = { 'pull-request': 'Pull request', issue: 'Issue', commits: 'Commit', release: 'Release' }

function facts(kind: LinkFacts['kind'], repo: string, at: { number?: string; ref?: string }, mergeRequest = false): LinkFacts {
  const n = at.number === undefined ? null : Number(at.number)
  const word = mergeRequest ? 'Merge request' : kindWords[kind]
  const mark = n !== null ? (mergeRequest ? ` !${n}` : ` #${n}`) : at.ref !== undefined ? ` ${kind === 'commits' ? at.ref.slice(0, 7) : at.ref}` : ''
  return { kind, repo, number: n, ref: at.ref === undefined ? null : kind === 'commits' ? at.ref.slice(0, 7) : at.ref, state: null, summary: `${word}${mark} in ${repo}` }
}

function fromGitHub(parts: string[]): LinkFacts | null {
  const [owner, name, section, id, rest] = parts
  if (!owner || !name || !section || !isName(owner, githubOwner) || !isName(name, projectName)) return null
  const repo = `${owner}/${name}`
  if (section === 'pull' && id && number.test(id)) return facts('pull-request', repo, { number: id })
  if (section === 'issues' && id && number.test(id)) return facts('issue', repo, { number: id })
  if (section === 'commit' && id && sha.test(id)) return facts('commits', repo, { ref: id })
  if (section === 'releases' && id === 'tag' && rest) {
    const tag = parts.slice(4).join('/')
    return tagName.test(tag) ? facts('release', repo, { ref: tag }) : null
  }
  return null
}

function fromGitLab(parts: string[]): LinkFacts | null {
  // Modern links put "-" between the project and what is in it; older ones on gitlab.com did not.
  let marker = parts.indexOf('-')
  if (marker === -1) marker = parts.findIndex((p, i) => i >= 2 && ['merge_requests', 'issues', 'commit'].includes(p))
  if (marker === -1) return null
  const project = parts.slice(0, marker)
  const after = parts[marker] === '-' ? parts.slice(marker + 1) : parts.slice(marker)
  if (project.length < 2 || project.length > 20 || !project.every((p) => isName(p, gitlabGroup))) return null
  const repo = project.join('/')
  const [section, id] = after
  if (!section || !id) return null
  if (section === 'merge_requests' && number.test(id)) return facts('pull-request', repo, { number: id }, true)
  if (section === 'issues' && number.test(id)) return facts('issue', repo, { number: id })
  if (section === 'commit' && sha.test(id)) return facts('commits', repo, { ref: id })
  if (section === 'releases') {
    const tag = after.slice(1).join('/')
    return tagName.test(tag) ? facts('release', repo, { ref: tag }) : null
  }
  return null
}

/**
 * Reads a GitHub or GitLab link to a pull or merge request, an issue, a commit or a release.
 * Anything else (another host, a login in the address, a path that is not a project's) gives
 * null, so a paste never fills the form with a guess. No network: the text is all it sees.
 */
export function parseActivityLink(text: string): LinkFacts | null {
  const trimmed = text.trim()
  if (trimmed.length === 0 || trimmed.length > 2000 || /\s/.test(trimmed)) return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '' || url.port !== '') return null
  const parts = segments(url.pathname)
  if (!parts) return null
  const host = url.hostname.toLowerCase()
  if (host === 'github.com' || host === 'www.github.com') return fromGitHub(parts)
  if (host === 'gitlab.com' || host === 'www.gitlab.com') return fromGitLab(parts)
  // A self-hosted GitLab is known by its "/-/" paths, never by its name alone.
  if (parts.includes('-')) return fromGitLab(parts)
  return null
}

/**
 * The repository a piece of work belongs to: its own field when filled, else the one its
 * GitHub or GitLab link names. The one rule every write (logging, CSV import) and migration 013
 * (rows logged before it) apply, so a report never counts a merged pull request without
 * listing it under its repository.
 */
export function repositoryOfLink(url: string | null): string | null {
  return url === null ? null : (parseActivityLink(url)?.repo ?? null)
}

export function withLinkRepository<T extends { url: string | null; repo: string | null }>(fields: T): T {
  if (fields.repo !== null && fields.repo.trim() !== '') return fields
  const repo = repositoryOfLink(fields.url)
  return repo === null ? fields : { ...fields, repo }
}
