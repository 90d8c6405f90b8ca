import { z } from 'zod'
import type { SettingsRepository } from '../settings/settingsRepository'
import { settingKeys } from '../settings/settingKeys'

const key = settingKeys.privateRepositories
const stored = z.array(z.string()).catch([])

export function readPrivateRepositories(settings: SettingsRepository): string[] {
  return stored.parse(settings.get(key))
}

/** Trimmed, without duplicates (ignoring case), sorted: the list as the user will see it again. */
export function writePrivateRepositories(settings: SettingsRepository, repositories: readonly string[]): string[] {
  const seen = new Set<string>()
  const list = repositories
    .map((r) => r.trim())
    .filter((r) => {
      const k = r.toLowerCase()
      if (r === '' || seen.has(k)) return false
      seen.add(k)
      return true
    })
    .sort((a, b) => a.localeCompare(b))
  settings.set(key, list)
  return list
}

/** "owner/name" of a link's path ("https://github.com/acme/api/pull/3" -> "acme/api"), if it has one. */
function repositoryOfUrl(url: string): string | null {
  try {
    const [owner, name] = new URL(url).pathname.split('/').filter(Boolean)
    return owner && name ? `${owner}/${name}` : null
  } catch {
    return null
  }
}

/**
 * Whether an activity belongs to a private repository: by its repository field, or by its
 * link, so an imported pull request whose repository field is empty still stays out.
 * Names match ignoring case; "owner/*" covers every repository of that owner.
 */
export function privateRepositoryMatcher(patterns: readonly string[]): (activity: { repo: string | null; url: string | null }) => string | null {
  const exact = new Set<string>()
  const owners = new Set<string>()
  for (const p of patterns) {
    const lower = p.trim().toLowerCase()
    if (lower.endsWith('/*')) owners.add(lower.slice(0, -2))
    else if (lower) exact.add(lower)
  }
  const matches = (name: string | null): boolean => {
    if (name === null) return false
    const lower = name.trim().toLowerCase()
    const slash = lower.indexOf('/')
    return exact.has(lower) || (slash > 0 && owners.has(lower.slice(0, slash)))
  }
  return (activity) => {
    if (exact.size === 0 && owners.size === 0) return null
    if (matches(activity.repo)) return activity.repo
    const fromUrl = activity.url ? repositoryOfUrl(activity.url) : null
    return matches(fromUrl) ? fromUrl : null
  }
}
