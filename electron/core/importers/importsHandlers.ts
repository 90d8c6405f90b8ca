import { contract } from '@shared/contract'
import { createActivitiesRepository } from '../activities/activitiesRepository'
import { createGoalLookup } from '../activities/goalLookup'
import type { CoreContext } from '../context'
import type { CoreHandlers } from '../handlers'
import { DomainError } from '../ipc/domainError'
import { handle } from '../ipc/handle'
import { exportCsv } from './csv/exportCsv'
import { commitCsv, previewCsv } from './csv/importCsv'
import { importGit } from './git/importGit'
import { importGitHub } from './github/importGitHub'
import { createImportRegistry } from './importRegistry'
import { createImportSettings } from './importSettings'

export function importsHandlers({ db, settings, now, log }: CoreContext): CoreHandlers['imports'] {
  const repo = createActivitiesRepository(db)
  const goalExists = createGoalLookup(db)
  const registry = createImportRegistry()
  const importSettings = createImportSettings(settings)
  const c = contract.imports
  const rules = () => ({ now: now(), unknownSkills: repo.unknownSkills, goalExists })

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
    settings: handle(c.settings, () => importSettings.get(), log),
    setSettings: handle(c.setSettings, (changes) => importSettings.set(changes), log),
    git: handle(c.git, ({ folder, emails, importId }) => {
      const use = emails ?? importSettings.get().gitEmails
      if (use.length === 0) {
        throw new DomainError('invalid-input', 'Add the email addresses you commit with first; only commits by them are imported.', [
          { path: 'emails', message: 'Give at least one email address' },
        ])
      }
      return tracked(importId, ({ signal, onProgress }) => importGit(db, repo, { folder, emails: use, now: now(), signal, onProgress }))
    }, log),
    github: handle(c.github, ({ token, username, since, apiUrl, importId }) =>
      tracked(importId, ({ signal, onProgress }) =>
        importGitHub(db, repo, { username, token: token || undefined, since, apiUrl, now, signal, onProgress }),
      ), log),
    csvPreview: handle(c.csvPreview, ({ text, skipLines }) => previewCsv(db, repo, { text, skipLines, rules: rules() }), log),
    csvCommit: handle(c.csvCommit, ({ text, skipLines, importId }) =>
      tracked(importId, ({ onProgress }) => {
        onProgress(0, 1, 'Importing the CSV file')
        const summary = commitCsv(db, repo, { text, skipLines, rules: rules() })
        onProgress(1, 1, 'Done')
        return summary
      }), log),
    csvExport: handle(c.csvExport, ({ filter }) => exportCsv(repo, filter ?? {}), log),
    progress: handle(c.progress, ({ importId }) => registry.progress(importId), log),
    cancel: handle(c.cancel, ({ importId }) => ({ cancelled: registry.cancel(importId) }), log),
  }
}
