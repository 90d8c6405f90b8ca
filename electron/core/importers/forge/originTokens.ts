import { z } from 'zod'
import type { SecretStore } from '../../host/hostServices'
import { DomainError } from '../../ipc/domainError'

const tokensByOrigin = z.record(z.string(), z.string()).catch({})

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** The origin (scheme, host, port) a token for this API address belongs to. */
export function originOf(apiUrl: string): string {
  try {
    return new URL(apiUrl.trim()).origin
  } catch {
    throw new DomainError('invalid-input', 'The API address is not a web address.', [{ path: 'apiUrl', message: 'Give an https address' }])
  }
}

/**
 * A token travels only over https, or to this computer's own loopback address (a test server
 * on the same machine): plain http elsewhere would hand it to anyone on the network path.
 */
export function assertTokenMayTravel(origin: string): void {
  const { protocol, hostname } = new URL(origin)
  if (protocol !== 'https:' && !(protocol === 'http:' && loopbackHosts.has(hostname))) {
    throw new DomainError('invalid-input', `A token is sent only over https; ${origin} is not. Use the server's https address.`, [
      { path: 'apiUrl', message: 'Use an https address: a token is never sent over plain http' },
    ])
  }
}

/**
 * Tokens kept by the host (OS keychain in the app, memory in the web host), one per API origin,
 * all in one secret under `secretName`: each is only ever handed out for the origin it was
 * verified against.
 */
export function createOriginTokens(secrets: SecretStore, secretName: string) {
  const read = async (): Promise<Record<string, string>> => {
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

export type OriginTokens = ReturnType<typeof createOriginTokens>

/**
 * Runs an import with the token given now, or else the one kept for its origin. A token given
 * is kept only once the forge has taken it (a mistyped one is not remembered); a kept one the
 * forge now refuses (expired, revoked) is dropped, for that origin only.
 */
export async function withOriginToken<T>(tokens: OriginTokens, apiUrl: string, given: string | undefined, work: (token: string | undefined) => Promise<T>): Promise<T> {
  const origin = originOf(apiUrl)
  if (given !== undefined) assertTokenMayTravel(origin)
  const kept = given === undefined ? await tokens.get(origin) : undefined
  try {
    const result = await work(given ?? kept)
    if (given !== undefined) await tokens.set(origin, given)
    return result
  } catch (error) {
    if (kept !== undefined && error instanceof DomainError && error.issues?.some((i) => i.path === 'token')) await tokens.delete(origin)
    throw error
  }
}
