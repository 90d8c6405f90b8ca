import type { ActivityListInput } from '@shared/contract/activities'
import type { Activity, ActivityKind, ActivityPage, ActivitySkill, RepositoryCount } from '@shared/domain/activities'
import type { Db } from '../store/database'
import { createActivityListing } from './activityListing'
import { toActivity, type ActivityFields, type ActivityRow, type ImportedFields } from './activityRow'

export function createActivitiesRepository(db: Db) {
  const insertStmt = db.prepare(`
    INSERT INTO activity (kind, date, title, url, repo, state, hours, notes, impact, starred, goal_id, source, external_key,
      commit_count, lines_changed, created_at, updated_at)
    VALUES (@kind, @date, @title, @url, @repo, @state, @hours, @notes, @impact, @starred, @goalId, @source, @externalKey,
      @commitCount, @linesChanged, @now, @now)`)
  const updateStmt = db.prepare(`
    UPDATE activity SET kind = @kind, date = @date, title = @title, url = @url, repo = @repo, state = @state,
      hours = @hours, notes = @notes, impact = @impact, starred = @starred, goal_id = @goalId, commit_count = @commitCount, lines_changed = @linesChanged,
      updated_at = @now
    WHERE id = @id`)
  const adoptStmt = db.prepare('UPDATE activity SET external_key = ? WHERE id = ? AND external_key IS NULL')
  const byUrlStmt = db.prepare<[string, string], ActivityRow>(
    'SELECT * FROM activity a WHERE a.deleted_at IS NULL AND a.url = ? AND a.kind = ? AND a.external_key IS NULL ORDER BY a.id LIMIT 1',
  )
  const sameStmt = db.prepare<[string, string, string, string | null], ActivityRow>(
    'SELECT * FROM activity a WHERE a.deleted_at IS NULL AND a.date = ? AND a.kind = ? AND a.title = ? AND a.repo IS ? ORDER BY a.id LIMIT 1',
  )
  const sameKeysStmt = db.prepare<[string, string], Pick<ActivityRow, 'date' | 'kind' | 'title' | 'repo'>>(
    'SELECT date, kind, title, repo FROM activity WHERE deleted_at IS NULL AND date BETWEEN ? AND ?',
  )
  const getStmt = db.prepare<[number], ActivityRow>('SELECT * FROM activity WHERE id = ?')
  const byKeyStmt = db.prepare<[string], ActivityRow>('SELECT * FROM activity WHERE external_key = ?')
  const skillsStmt = db.prepare<[string], { activity_id: number; item_id: string; title: string | null }>(`
    SELECT s.activity_id, s.item_id, c.title FROM activity_skill s LEFT JOIN roadmap_node c ON c.id = s.item_id
    WHERE s.activity_id IN (SELECT value FROM json_each(?)) ORDER BY c.title, s.item_id`)
  const clearSkills = db.prepare('DELETE FROM activity_skill WHERE activity_id = ?')
  const addSkill = db.prepare('INSERT OR IGNORE INTO activity_skill (activity_id, item_id) VALUES (?, ?)')
  const softDeleteStmt = db.prepare('UPDATE activity SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
  const restoreStmt = db.prepare('UPDATE activity SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL')
  // An imported activity the user removed stays as a tombstone, so a re-import does not bring it back.
  const purgeStmt = db.prepare('DELETE FROM activity WHERE deleted_at IS NOT NULL AND external_key IS NULL')
  const knownSkillsStmt = db.prepare<[string], { id: string }>(
    "SELECT id FROM roadmap_node WHERE kind = 'skill' AND id IN (SELECT value FROM json_each(?))",
  )
  const reposStmt = db.prepare<[], RepositoryCount>(`
    SELECT repo, count(*) AS count FROM activity a
    WHERE a.deleted_at IS NULL AND a.repo IS NOT NULL GROUP BY a.repo ORDER BY a.repo`)

  const skillsFor = (ids: number[]): Map<number, ActivitySkill[]> => {
    const map = new Map<number, ActivitySkill[]>()
    if (ids.length === 0) return map
    for (const row of skillsStmt.all(JSON.stringify(ids))) {
      const list = map.get(row.activity_id) ?? []
      list.push({ id: row.item_id, title: row.title ?? row.item_id })
      map.set(row.activity_id, list)
    }
    return map
  }
  const withSkills = (rows: ActivityRow[]): Activity[] => {
    const skills = skillsFor(rows.map((r) => r.id))
    return rows.map((row) => toActivity(row, skills.get(row.id) ?? []))
  }
  const setSkills = (id: number, skillIds: readonly string[]) => {
    clearSkills.run(id)
    for (const skillId of skillIds) addSkill.run(id, skillId)
  }
  const listing = createActivityListing(db, withSkills)

  const params = (fields: ImportedFields, now: Date) => ({
    kind: fields.kind,
    date: fields.date,
    title: fields.title,
    url: fields.url,
    repo: fields.repo,
    state: fields.state,
    hours: fields.hours,
    notes: fields.notes,
    impact: fields.impact,
    starred: fields.starred ? 1 : 0,
    goalId: fields.goalId,
    source: fields.source,
    externalKey: fields.externalKey,
    commitCount: fields.commitCount,
    linesChanged: fields.linesChanged,
    now: now.toISOString(),
  })

  // Inside a caller's transaction a savepoint per row buys nothing and cost an import of
  // 100,000 rows some 3 s: the statements run as they are, and the caller's transaction holds them.
  const atomically = <T>(work: () => T): T => (db.inTransaction ? work() : db.transaction(work)())

  const repository = {
    /** Callers wrap several writes in one transaction; each of these is safe alone too. */
    insert(fields: ImportedFields, now: Date): number {
      return atomically(() => {
        const id = Number(insertStmt.run(params(fields, now)).lastInsertRowid)
        // A new row has no skills to clear (a reused id lost its links with its row, ON DELETE CASCADE).
        for (const skillId of fields.skillIds) addSkill.run(id, skillId)
        return id
      })
    },
    update(id: number, fields: ImportedFields, now: Date): void {
      atomically(() => {
        updateStmt.run({ ...params(fields, now), id })
        setSkills(id, fields.skillIds)
      })
    },
    /** A removed activity is not found unless asked for. */
    get(id: number, options: { includeRemoved?: boolean } = {}): Activity | undefined {
      const row = getStmt.get(id)
      if (!row || (row.deleted_at !== null && !options.includeRemoved)) return undefined
      return withSkills([row])[0]
    },
    isRemoved(id: number): boolean {
      return getStmt.get(id)?.deleted_at != null
    },
    byExternalKey(key: string): ActivityRow | undefined {
      return byKeyStmt.get(key)
    },
    /** A hand-logged activity an import found again: later imports update it instead of adding one. */
    adoptExternalKey(id: number, key: string): void {
      adoptStmt.run(key, id)
    },
    /** A live, never-imported activity of this kind with this link. */
    findByUrl(url: string, kind: ActivityKind): Activity | undefined {
      const row = byUrlStmt.get(url, kind)
      return row ? withSkills([row])[0] : undefined
    },
    /** A live activity with the same day, kind, title and repository (titles ignore case). */
    findSame(fields: Pick<ActivityFields, 'date' | 'kind' | 'title' | 'repo'>): Activity | undefined {
      const row = sameStmt.get(fields.date, fields.kind, fields.title, fields.repo)
      return row ? withSkills([row])[0] : undefined
    },
    /** Day, kind, title and repository of every live activity between two days: what findSame compares. */
    sameKeys(from: string, to: string): Pick<ActivityFields, 'date' | 'kind' | 'title' | 'repo'>[] {
      return sameKeysStmt.all(from, to)
    },
    remove(id: number, now: Date): boolean {
      return softDeleteStmt.run(now.toISOString(), id).changes === 1
    },
    restore(id: number, now: Date): boolean {
      return restoreStmt.run(now.toISOString(), id).changes === 1
    },
    /** Run once per session: removals from an earlier session can no longer be undone. */
    purgeRemoved(): number {
      return purgeStmt.run().changes
    },
    unknownSkills(ids: readonly string[]): string[] {
      if (ids.length === 0) return []
      const known = new Set(knownSkillsStmt.all(JSON.stringify(ids)).map((r) => r.id))
      return ids.filter((id) => !known.has(id))
    },
    repos(): RepositoryCount[] {
      return reposStmt.all()
    },
    /** Exact, for goal progress and the like. */
    count: listing.count,
    list(input: ActivityListInput): ActivityPage {
      return listing.page(input, true)
    },
    each: listing.each,
  }
  return repository
}

export type ActivitiesRepository = ReturnType<typeof createActivitiesRepository>
