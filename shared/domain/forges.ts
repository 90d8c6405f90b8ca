/** The code forges besides GitHub whose work can be imported. */
export const forges = ['gitlab', 'gitea', 'bitbucket'] as const
export type Forge = (typeof forges)[number]

export const forgeLabels: Record<Forge, string> = {
  gitlab: 'GitLab',
  gitea: 'Gitea / Forgejo',
  bitbucket: 'Bitbucket',
}

/**
 * Where each forge's API is unless the person names their own server: gitlab.com, Codeberg
 * (the largest public Forgejo), Bitbucket Cloud.
 */
export const defaultForgeApiUrls: Record<Forge, string> = {
  gitlab: 'https://gitlab.com/api/v4',
  gitea: 'https://codeberg.org/api/v1',
  bitbucket: 'https://api.bitbucket.org/2.0',
}

/** The API root an import of `forge` talks to. */
export const forgeApiUrl = (forge: Forge, apiUrl: string | undefined): string => apiUrl?.trim() || defaultForgeApiUrls[forge]

/** The origin (scheme, host and port) a token for this forge's API is bound to; undefined for an address that is not a URL. */
export function forgeApiOrigin(forge: Forge, apiUrl: string | undefined): string | undefined {
  try {
    return new URL(forgeApiUrl(forge, apiUrl)).origin
  } catch {
    return undefined
  }
}

/** A Bitbucket address names Data Center (its REST root, `/rest/api/1.0`) rather than Cloud's 2.0 API. */
export const isBitbucketDataCenter = (apiUrl: string): boolean => /\/rest\/api\/1\.0\/?$/.test(new URL(apiUrl).pathname)

/** The forges' kept tokens, by API origin (never the tokens themselves). */
export type ForgeTokenOrigins = Record<Forge, string[]>

/** The forge an imported activity came from, by its external key ("gitlab:gitlab.com:mr:..."). */
export function forgeOfKey(externalKey: string | null): Forge | null {
  const prefix = externalKey?.slice(0, externalKey.indexOf(':'))
  return forges.find((forge) => forge === prefix) ?? null
}
