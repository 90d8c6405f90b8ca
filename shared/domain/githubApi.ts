/** Where GitHub's API is unless the person names a GitHub Enterprise server. */
export const defaultGitHubApiUrl = 'https://api.github.com'

/**
 * The origin (scheme, host and port) a GitHub token is bound to: a token kept for one origin is
 * never sent to another. Undefined for an address that is not a URL.
 */
export function gitHubApiOrigin(apiUrl: string | undefined): string | undefined {
  try {
    return new URL(apiUrl?.trim() || defaultGitHubApiUrl).origin
  } catch {
    return undefined
  }
}
