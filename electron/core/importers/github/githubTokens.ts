import { z } from 'zod'
import { gitHubApiOrigin } from '@shared/domain/githubApi'
import type { SecretStore } from '../../host/hostServices'
import { DomainError } from '../../ipc/domainError'

/** One secret holds every kept token, each under the API origin it was verified against. */
const secretName = 'github.tokens'
/**
 * Before tokens were bound to an origin, one token was kept under this name, whichever server
 * it had been verified against. Nothing says which, so it is forgotten rather than guessed.
 */
const unboundSecretName = 'github.token'

const tokensByOrigin = z.record(z.string(), z.string()).catch({})

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** The origin a token for this API address belongs to. */
export function tokenOrigin(apiUrl: string | undefined): string {
  const origin = gitHubApiOrigin(apiUrl)
  if (origin === undefined) throw new DomainError('invalid-input', 'The API address is not a web address.', [{ path: 'apiUrl', message: 'Give an https address' }])
  return origin
}

/**
 * A token travels only over https, or to this computer's own loopback address (a GitHub
 * Enterprise test server on the same machine): plain http elsewhere would hand it to anyone on
 * the network path. An import without a token may still read a plain-http server's public data.
 */
export function assertTokenMayTravel(origin: string): void {
  const { protocol, hostname } = new URL(origin)
  if (protocol !== 'https:' && !(protocol === 'http:' && loopbackHosts.has(hostname))) {
    throw new DomainError('invalid-input', `A token is sent only over https; ${origin} is not. Use the server's https address.`, [
      { path: 'apiUrl', message: 'Use an https address: a token is never sent over plain http' },
    ])
  }
}

/** The kept GitHub tokens, one per API origin (github.com and each GitHub Enterprise server). */
export function createGitHubTokens(secrets: SecretStore) {
  const read = async (): Promise<Record<string, string>> => {
    if ((await secrets.get(unboundSecretName)) !== undefined) await secrets.delete(unboundSecretName)
    const raw = await secrets.get(secretName)
    if (raw === undefined) return {}
    try {
      return tokensByOrigin.parse(JSON.parse(raw))
    } catch {
      return {}
    }
  }
  const write = async (tokens: Record<string, string>) => {
    if (Object.keys(tokens).length === 0) await secrets.delete(secretName)
    else await secrets.set(secretName, JSON.stringify(tokens))
  }
  return {
    get: async (origin: string): Promise<string | undefined> => (await read())[origin],
    set: async (origin: string, token: string) => write({ ...(await read()), [origin]: token }),
    async delete(origin: string) {
      const { [origin]: _dropped, ...rest } = await read()
      await write(rest)
    },
    clear: () => write({}),
    origins: async (): Promise<string[]> => Object.keys(await read()).sort(),
  }
}
