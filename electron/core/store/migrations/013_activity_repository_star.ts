import type { Db } from '../sqlite'
import { repositoryOfLink } from '@shared/domain/activityLink'
import type { Migration } from './types'

/**
 * Rows logged before the repository was read from the link: a merged pull request with a
 * GitHub link and an empty repository counted in a report's totals but in none of its
 * repository tables. Its repository is filled from the link by the same rule logging uses.
 * `updated_at` stays: the person changed nothing.
 */
function backfillRepositories(db: Db): void {
  const rows = db.prepare<[], { id: number; url: string }>("SELECT id, url FROM activity WHERE url IS NOT NULL AND (repo IS NULL OR trim(repo) = '')").all()
  const set = db.prepare<[string, number]>('UPDATE activity SET repo = ? WHERE id = ?')
  for (const row of rows) {
    const repo = repositoryOfLink(row.url)
    if (repo !== null) set.run(repo, row.id)
  }
}

export const activityRepositoryStar: Migration = {
  version: 13,
  name: 'activity repository from link, starred',
  // A star marks the work a person wants shown first (a job application picks the top ones).
  sql: /* sql */ `
    ALTER TABLE activity ADD COLUMN starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1));
  `,
  data: backfillRepositories,
}
