import { basename } from 'node:path'

export interface RepoIdentity {
  /** `owner/name` when the remote says so, else the folder's name. */
  name: string
  /** The repository's web page, when the remote is on a web host. */
  url: string | null
}

/**
 * Reads `owner/name` from a remote URL in any of git's spellings:
 * https://github.com/o/n.git, git@github.com:o/n.git, ssh://git@host:22/o/n.
 */
export function parseRemote(remote: string): { host: string; path: string } | null {
  const trimmed = remote.trim()
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(trimmed)
  let host: string
  let path: string
  if (scp?.[1] && scp[2]) {
    host = scp[1]
    path = scp[2]
  } else {
    try {
      const url = new URL(trimmed)
      if (!['http:', 'https:', 'ssh:', 'git:'].includes(url.protocol)) return null
      host = url.hostname
      path = url.pathname
    } catch {
      return null
    }
  }
  const parts = path.replace(/\.git\/?$/, '').split('/').filter(Boolean)
  const owner = parts.at(-2)
  const name = parts.at(-1)
  if (!owner || !name) return null
  return { host, path: `${owner}/${name}` }
}

export function repoIdentity(folder: string, remote: string | null): RepoIdentity {
  const parsed = remote ? parseRemote(remote) : null
  if (!parsed) return { name: basename(folder), url: null }
  return { name: parsed.path, url: `https://${parsed.host}/${parsed.path}` }
}
