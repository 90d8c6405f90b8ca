import { z } from 'zod'
import { channel } from './channel'
import { httpUrl, isoDate, noInput } from './fields'
import { forges, type ForgeTokenOrigins } from '../domain/forges'
import type { ImportSummary } from '../domain/activities'

/**
 * A username, workspace or account id as GitLab, Gitea/Forgejo and Bitbucket allow them:
 * letters, digits, `_ . -`, and Bitbucket's `{uuid}` braces. It starts with a letter, a digit or
 * a brace, so no name is `..` (a path step) once it is put into an address.
 */
const forgeName = (what: string) =>
  z
    .string({ error: `A ${what} is required` })
    .trim()
    .regex(/^[A-Za-z0-9{][A-Za-z0-9_.{}-]{0,254}$/, `That is not a ${what} (letters, digits, _ . and -)`)

const importId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'An import id is 1 to 64 letters, digits, - or _')

const common = {
  /**
   * Kept by the host (OS keychain in the app, memory for the session in the web host) once the
   * forge has accepted it, for that API origin only, never in SQLite; left out, the kept one is used.
   */
  token: z.string().trim().max(2000, 'That token is too long').optional(),
  /** Only items updated on or after this day. */
  since: isoDate.optional(),
  /** The API root of a self-hosted server; the forge's public one when left out. */
  apiUrl: httpUrl.optional(),
  importId: importId.optional(),
}

const forgeChoice = z.enum(forges, { error: 'Choose GitLab, Gitea or Bitbucket' })

export const forgeImportChannels = {
  /**
   * GitLab: merge requests and issues the person opened, their reviews (approvals, comments) of others'.
   * Gitea/Forgejo: pull requests and issues the token's user opened. Bitbucket: the person's
   * pull requests in a workspace (Cloud), or their dashboard's (Data Center, when `apiUrl` is a
   * `/rest/api/1.0` root).
   */
  forge: channel<ImportSummary>()(
    z.discriminatedUnion(
      'forge',
      [
        z.strictObject({ forge: z.literal('gitlab'), username: forgeName('GitLab username'), ...common }),
        z.strictObject({ forge: z.literal('gitea'), ...common }),
        z.strictObject({ forge: z.literal('bitbucket'), workspace: forgeName('Bitbucket workspace').optional(), username: forgeName('Bitbucket username or account id').optional(), ...common }),
      ],
      { error: 'Choose GitLab, Gitea or Bitbucket' },
    ),
  ),
  /** The API origins each forge has a kept token for (never the tokens). */
  forgeTokens: channel<ForgeTokenOrigins>()(noInput),
  /** Drops a forge's kept token for one origin, or every one of that forge's when no origin is named. */
  forgetForgeToken: channel<ForgeTokenOrigins>()(z.strictObject({ forge: forgeChoice, origin: z.string().max(2000).optional() })),
}
