import { contract } from '@shared/contract'
import type { ImportSummary } from '@shared/domain/activities'
import { forgeApiUrl, type Forge, type ForgeTokenOrigins } from '@shared/domain/forges'
import type { ActivitiesRepository } from '../../activities/activitiesRepository'
import type { CoreContext } from '../../context'
import { handle, type CoreHandlers } from '../../ipc/handle'
import type { ImportRun } from '../importRun'
import { importBitbucket } from '../bitbucket/importBitbucket'
import { importGitea } from '../gitea/importGitea'
import { importGitLab } from '../gitlab/importGitLab'
import { createOriginTokens, withOriginToken, type OriginTokens } from './originTokens'

type ForgeChannels = Pick<CoreHandlers['imports'], 'forge' | 'forgeTokens' | 'forgetForgeToken'>
type Tracked = (importId: string | undefined, body: (run: Required<Pick<ImportRun, 'signal' | 'onProgress'>>) => Promise<ImportSummary>) => Promise<ImportSummary>

/**
 * The GitLab, Gitea/Forgejo and Bitbucket imports: each forge's tokens kept apart from the
 * others' and from GitHub's, one per API origin, and every run tracked for progress and cancel
 * like the other imports.
 */
export function forgeImportHandlers(ctx: CoreContext, repo: ActivitiesRepository, tracked: Tracked, beforeWrite: () => Promise<unknown>): ForgeChannels {
  const { db, settings, now, log, host } = ctx
  const c = contract.imports
  const tokens: Record<Forge, OriginTokens> = {
    gitlab: createOriginTokens(host.secrets, 'gitlab.tokens'),
    gitea: createOriginTokens(host.secrets, 'gitea.tokens'),
    bitbucket: createOriginTokens(host.secrets, 'bitbucket.tokens'),
  }
  const origins = async (): Promise<ForgeTokenOrigins> => ({ gitlab: await tokens.gitlab.origins(), gitea: await tokens.gitea.origins(), bitbucket: await tokens.bitbucket.origins() })
  const store = { db, repo, settings }

  return {
    forge: handle(c.forge, async (input) => {
      const apiUrl = forgeApiUrl(input.forge, input.apiUrl)
      return withOriginToken(tokens[input.forge], apiUrl, input.token || undefined, (token) =>
        tracked(input.importId, ({ signal, onProgress }) => {
          const run = { apiUrl, token, since: input.since, now, signal, onProgress, beforeWrite }
          if (input.forge === 'gitlab') return importGitLab(store, { ...run, username: input.username })
          if (input.forge === 'gitea') return importGitea(store, run)
          return importBitbucket(store, { ...run, workspace: input.workspace, username: input.username })
        }),
      )
    }, log),
    forgeTokens: handle(c.forgeTokens, origins, log),
    forgetForgeToken: handle(c.forgetForgeToken, async ({ forge, origin }) => {
      if (origin === undefined) await tokens[forge].clear()
      else await tokens[forge].delete(origin)
      return origins()
    }, log),
  }
}
