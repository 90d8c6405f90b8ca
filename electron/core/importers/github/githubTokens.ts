import { gitHubApiOrigin } from '@shared/domain/githubApi'
import type { SecretStore } from '../../host/hostServices'
import { DomainError } from '../../ipc/domainError'
import { createOriginTokens } from '../forge/originTokens'

export { assertTokenMayTravel } from '../forge/originTokens'

/**
 * Before tokens were bound to an origin, one token was kept under this name, whichever server
 * it had been verified against. Nothing says which, so it is forgotten rather than guessed.
 */
const unboundSecretName = 'github.token'

/** The origin a token for this API address belongs to. */
export function tokenOrigin(apiUrl: string | undefined): string {
  const origin = gitHubApiOrigin(apiUrl)
  if (origin === undefined) throw new DomainError('invalid-input', 'The API address is not a web address.', [{ path: 'apiUrl', message: 'Give an https address' }])
  return origin
}

/** The kept GitHub tokens, one per API origin (github.com and each GitHub Enterprise server). */
export function createGitHubTokens(secrets: SecretStore) {
  const tokens = createOriginTokens(secrets, 'github.tokens')
  const forgetUnbound = async () => {
    if ((await secrets.get(unboundSecretName)) !== undefined) await secrets.delete(unboundSecretName)
  }
  return {
    ...tokens,
    async get(origin: string) {
      await forgetUnbound()
      return tokens.get(origin)
    },
    async origins() {
      await forgetUnbound()
      return tokens.origins()
    },
  }
}
