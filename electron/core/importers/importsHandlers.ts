import { channelName, contract } from '@shared/contract'
import type { ImportFile } from '@shared/contract/fields'
import { createActivitiesRepository } from '../activities/activitiesRepository'
import { backupNow } from '../backups/backups'
import { createGoalLookup } from '../activities/goalLookup'
import type { CoreContext } from '../context'
import { DomainError } from '../ipc/domainError'
import { handle, type CoreHandlers } from '../ipc/handle'
import { doneWithImportFile, readImportFile } from '../host/importFiles'
import { exportCsv } from './csv/exportCsv'
import { commitCsv, previewCsv } from './csv/importCsv'
import { importGit } from './git/importGit'
import { withOriginToken } from './forge/originTokens'
import { createGitHubTokens, tokenOrigin } from './github/githubTokens'
import { importGitHub } from './github/importGitHub'
import { forgeImportHandlers } from './forge/forgeHandlers'
import { createImportRegistry } from './importRegistry'
import { createImportSettings } from './importSettings'
import { sourceImportsHandlers } from './sourceImportsHandlers'
import { databasePath } from '../store/database'

export function importsHandlers(ctx: CoreContext): CoreHandlers['imports'] {
  const { db, settings, now, log, host } = ctx
  const repo = createActivitiesRepository(db)
  const goalExists = createGoalLookup(db)
  const registry = createImportRegistry()
  const importSettings = createImportSettings(settings)
  const c = contract.imports
  const tokens = createGitHubTokens(host.secrets)
  const rules = () => ({ now: now(), unknownSkills: repo.unknownSkills, goalExists })

  const withToken = async <T extends object>(stored: T) => ({ ...stored, githubTokenOrigins: await tokens.origins() })

  // The state just before an import that changes something is one click away on the Backups screen.
  const beforeWrite = () => backupNow(ctx, 'before-import')
  // The CSV import backs up while its transaction is still open: through a connection of its
  // own, which reads the store as last committed, so the backup is the state before the import.
  const beforeCsvCommit = async () => {
    const before = ctx.store.openSqlite(databasePath(ctx.dataDir), { readonly: true, fileMustExist: true })
    try {
      return await backupNow({ ...ctx, db: before }, 'before-import')
    } finally {
      before.close()
    }
  }

  // A CSV import holds a transaction open across its pauses: every other call waits for it,
  // but its own progress and cancel, which never touch the database, are answered meanwhile.
  const exclusively = <T>(work: () => Promise<T>): Promise<T> =>
    ctx.store.exclusive(work, { letThrough: [channelName('imports', 'progress'), channelName('imports', 'cancel')] })

  const csvText = (input: { text: string } | { file: ImportFile }): Promise<string> | string => ('text' in input ? input.text : readImportFile(ctx.dataDir, input.file))

  /** Runs an import under its id, so `progress` and `cancel` can find it while it runs. */
  async function tracked<T>(importId: string | undefined, body: (run: ReturnType<typeof registry.start>) => Promise<T> | T): Promise<T> {
    const run = registry.start(importId)
    try {
      return await body(run)
    } finally {
      run.finish()
    }
  }

  return {
    settings: handle(c.settings, () => withToken(importSettings.get()), log),
    setSettings: handle(c.setSettings, async ({ forgetGitHubToken, ...changes }) => {
      if (forgetGitHubToken) await tokens.clear()
      return withToken(importSettings.set(changes))
    }, log),
    git: handle(c.git, ({ folder, emails, importId }) => {
      const use = emails ?? importSettings.get().gitEmails
      if (use.length === 0) {
        throw new DomainError('invalid-input', 'Add the email addresses you commit with first; only commits by them are imported.', [
          { path: 'emails', message: 'Give at least one email address' },
        ])
      }
      return tracked(importId, ({ signal, onProgress }) => importGit(db, repo, { folder, emails: use, now: now(), signal, onProgress, beforeWrite }))
    }, log),
    github: handle(c.github, async ({ token, username, since, apiUrl, importId }) =>
      // A kept token goes only to the origin it was verified against; one given now only over https.
      withOriginToken(tokens, tokenOrigin(apiUrl), token || undefined, (use) =>
        tracked(importId, ({ signal, onProgress }) => importGitHub(db, repo, { username, token: use, since, apiUrl, now, signal, onProgress, beforeWrite })),
      ), log),
    csvPreview: handle(c.csvPreview, (input) =>
      tracked(input.importId, async ({ signal, onProgress }) => {
        const text = await csvText(input)
        return previewCsv(db, repo, { text, skipLines: input.skipLines, rules: rules(), signal, onProgress, exclusively })
      }), log),
    csvCommit: handle(c.csvCommit, (input) =>
      tracked(input.importId, async ({ signal, onProgress }) => {
        const text = await csvText(input)
        const summary = await commitCsv(db, repo, { text, skipLines: input.skipLines, rules: rules(), signal, onProgress, beforeWrite: beforeCsvCommit, exclusively })
        // Kept after a refusal, so the person can import it again skipping the bad lines.
        if ('file' in input) await doneWithImportFile(ctx.dataDir, input.file)
        onProgress(1, 1, 'Done')
        return summary
      }), log),
    csvExport: handle(c.csvExport, ({ filter }) => exportCsv(repo, filter ?? {}), log),
    progress: handle(c.progress, ({ importId }) => registry.progress(importId), log),
    cancel: handle(c.cancel, ({ importId }) => ({ cancelled: registry.cancel(importId) }), log),
    ...forgeImportHandlers(ctx, repo, tracked, beforeWrite),
    ...sourceImportsHandlers(ctx, { repo, tracked, beforeWrite, endpoints: ctx.sourceEndpoints }),
  }
}
