import type { Statement } from 'better-sqlite3'
import type { ActivityFilter } from '@shared/contract/activities'
import { activityKindSchema, type ActivityKind, type ActivityState } from '@shared/domain/activities'
import type { Goal, GoalActivityTarget, GoalItemRef, GoalPriority, GoalStatus, Milestone } from '@shared/domain/goals'
import { activityTargetRange, isGoalOverdue, isMilestoneOverdue } from '@shared/domain/goals'
import { goalProgress } from '@shared/domain/progress'
import type { ItemKind } from '@shared/domain/roadmap'
import { createActivitiesRepository } from '../activities/activitiesRepository'
import type { SqlValue } from '../activities/activityFilterSql'
import type { Db } from '../store/database'

interface GoalRow {
  id: number
  title: string
  description: string | null
  start_date: string
  target_date: string | null
  priority: GoalPriority
  status: GoalStatus
  manual_progress: number
  created_at: string
  updated_at: string
  archived_at: string | null
  completed_at: string | null
}

interface MilestoneRow {
  id: number
  goal_id: number
  title: string
  due_date: string | null
  done_at: string | null
  position: number
}

interface TargetRow {
  goal_id: number
  target_count: number
  kinds: string
  state: ActivityState | null
  repo: string | null
  skill_id: string | null
  from_date: string | null
  to_date: string | null
}

interface LinkRow {
  goal_id: number
  item_id: string
  kind: ItemKind | null
  title: string | null
}

export interface GoalFields {
  title: string
  description: string | null
  startDate: string
  targetDate: string | null
  priority: GoalPriority
  status: GoalStatus
  manualProgress: number
}

export interface GoalFilter {
  status?: readonly GoalStatus[] | undefined
  archived: 'exclude' | 'include' | 'only'
  itemId?: string | undefined
}

export interface MilestoneFields {
  title: string
  dueDate: string | null
}

export interface HydrateOptions {
  /**
   * Count only activities dated on or before this day: a report on a past period shows the
   * count as it stood at the period's end, as it does for milestones.
   */
  countThrough?: string | undefined
}

function kindsOf(json: string): ActivityKind[] {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return []
  }
  return Array.isArray(value) ? value.flatMap((k) => { const kind = activityKindSchema.safeParse(k); return kind.success ? [kind.data] : [] }) : []
}

const toTarget = (row: TargetRow): GoalActivityTarget => ({
  count: row.target_count,
  kinds: kindsOf(row.kinds),
  state: row.state,
  repo: row.repo,
  skillId: row.skill_id,
  from: row.from_date,
  to: row.to_date,
})

/** The activity filter a goal's target counts with (see activityTargetRuleText: goal links play no part). */
export function targetFilter(target: GoalActivityTarget, goal: { startDate: string; targetDate: string | null }, countThrough?: string): ActivityFilter {
  const range = activityTargetRange(target, goal)
  const to = countThrough !== undefined && (range.to === null || countThrough < range.to) ? countThrough : range.to
  return {
    ...(target.kinds.length > 0 ? { kinds: target.kinds } : {}),
    ...(target.state !== null ? { state: target.state } : {}),
    ...(target.repo !== null ? { repo: target.repo } : {}),
    ...(target.skillId !== null ? { skillId: target.skillId } : {}),
    from: range.from,
    ...(to !== null ? { to } : {}),
  }
}

const toMilestone = (row: MilestoneRow, goal: GoalRow, today: string): Milestone => ({
  id: row.id,
  goalId: row.goal_id,
  title: row.title,
  dueDate: row.due_date,
  doneAt: row.done_at,
  position: row.position,
  overdue: isMilestoneOverdue({ dueDate: row.due_date, doneAt: row.done_at }, { status: goal.status, archivedAt: goal.archived_at }, today),
})

const toLink = (row: LinkRow): GoalItemRef => ({ id: row.item_id, kind: row.kind, title: row.title ?? row.item_id, missing: row.kind === null })

// Map.groupBy arrives in Node 21; the app supports Node 20.
function groupByGoal<T extends { goal_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>()
  for (const row of rows) out.set(row.goal_id, [...(out.get(row.goal_id) ?? []), row])
  return out
}

/**
 * A target's count when it names a repository or a skill, driven by that: without table
 * statistics the planner picks the state or kind index for the general filter and walks
 * every merged PR to find one repository's. Unary + keeps kind and state off the index
 * choice. Same conditions as the activity list's filter; targets without either are counted
 * by activitiesRepository.count, from activity_day.
 */
function narrowCountSql(filter: ActivityFilter): { sql: string; params: SqlValue[] } {
  const bySkill = filter.repo === undefined && filter.skillId !== undefined
  const parts: string[] = []
  const params: SqlValue[] = []
  if (bySkill && filter.skillId !== undefined) {
    parts.push('s.item_id = ?')
    params.push(filter.skillId)
  }
  parts.push('a.deleted_at IS NULL')
  if (filter.repo !== undefined) {
    parts.push('a.repo = ?')
    params.push(filter.repo)
    if (filter.skillId !== undefined) {
      parts.push('a.id IN (SELECT activity_id FROM activity_skill WHERE item_id = ?)')
      params.push(filter.skillId)
    }
  }
  if (filter.from !== undefined) {
    parts.push('a.date >= ?')
    params.push(filter.from)
  }
  if (filter.to !== undefined) {
    parts.push('a.date <= ?')
    params.push(filter.to)
  }
  const kinds = [...new Set(filter.kinds ?? [])]
  if (kinds.length > 0) {
    parts.push(`+a.kind IN (${kinds.map(() => '?').join(', ')})`)
    params.push(...kinds)
  }
  if (filter.state !== undefined && filter.state !== 'none') {
    parts.push('+a.state = ?')
    params.push(filter.state)
  }
  const source = bySkill ? 'activity_skill s CROSS JOIN activity a ON a.id = s.activity_id' : 'activity a'
  return { sql: `SELECT count(*) AS n FROM ${source} WHERE ${parts.join(' AND ')}`, params }
}

export function createGoalsRepository(db: Db) {
  const listStmt = db.prepare<{ statuses: string | null; archived: string; item_id: string | null }, GoalRow>(`
    SELECT * FROM goal g
    WHERE (@statuses IS NULL OR g.status IN (SELECT value FROM json_each(@statuses)))
      AND CASE @archived WHEN 'exclude' THEN g.archived_at IS NULL WHEN 'only' THEN g.archived_at IS NOT NULL ELSE 1 END
      AND (@item_id IS NULL OR EXISTS (SELECT 1 FROM goal_item gi WHERE gi.goal_id = g.id AND gi.item_id = @item_id))
    ORDER BY g.archived_at IS NOT NULL,
      CASE g.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 WHEN 'done' THEN 2 ELSE 3 END,
      g.target_date IS NULL, g.target_date,
      CASE g.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
      g.id`)
  const getStmt = db.prepare<[number], GoalRow>('SELECT * FROM goal WHERE id = ?')
  const milestonesStmt = db.prepare<[string], MilestoneRow>(`
    SELECT id, goal_id, title, due_date, done_at, position FROM milestone
    WHERE goal_id IN (SELECT value FROM json_each(?)) ORDER BY goal_id, position, id`)
  const targetsStmt = db.prepare<[string], TargetRow>('SELECT * FROM goal_activity_target WHERE goal_id IN (SELECT value FROM json_each(?))')
  const upsertTarget = db.prepare(`
    INSERT INTO goal_activity_target (goal_id, target_count, kinds, state, repo, skill_id, from_date, to_date)
    VALUES (@goalId, @count, @kinds, @state, @repo, @skillId, @from, @to)
    ON CONFLICT (goal_id) DO UPDATE SET target_count = excluded.target_count, kinds = excluded.kinds, state = excluded.state,
      repo = excluded.repo, skill_id = excluded.skill_id, from_date = excluded.from_date, to_date = excluded.to_date`)
  const deleteTarget = db.prepare<[number]>('DELETE FROM goal_activity_target WHERE goal_id = ?')
  const activities = createActivitiesRepository(db)
  const narrowCounts = new Map<string, Statement<SqlValue[], { n: number }>>()
  const countTarget = (filter: ActivityFilter): number => {
    if (filter.repo === undefined && filter.skillId === undefined) return activities.count(filter)
    const { sql, params } = narrowCountSql(filter)
    let stmt = narrowCounts.get(sql)
    if (!stmt) {
      stmt = db.prepare<SqlValue[], { n: number }>(sql)
      narrowCounts.set(sql, stmt)
    }
    return stmt.get(...params)?.n ?? 0
  }
  const linksStmt = db.prepare<[string], LinkRow>(`
    SELECT gi.goal_id, gi.item_id, n.kind, n.title FROM goal_item gi LEFT JOIN roadmap_node n ON n.id = gi.item_id
    WHERE gi.goal_id IN (SELECT value FROM json_each(?)) ORDER BY gi.goal_id, gi.position`)
  const insertGoal = db.prepare(`
    INSERT INTO goal (title, description, start_date, target_date, priority, status, manual_progress, created_at, updated_at)
    VALUES (@title, @description, @startDate, @targetDate, @priority, @status, @manualProgress, @at, @at)`)
  const updateGoal = db.prepare(`
    UPDATE goal SET title = @title, description = @description, start_date = @startDate, target_date = @targetDate,
      priority = @priority, status = @status, manual_progress = @manualProgress, updated_at = @at
    WHERE id = @id`)
  const touchGoal = db.prepare<[string, number]>('UPDATE goal SET updated_at = ? WHERE id = ?')
  const setArchivedStmt = db.prepare<[string | null, string, number]>('UPDATE goal SET archived_at = ?, updated_at = ? WHERE id = ?')
  const deleteGoal = db.prepare<[number]>('DELETE FROM goal WHERE id = ?')
  const clearLinks = db.prepare<[number]>('DELETE FROM goal_item WHERE goal_id = ?')
  const insertLink = db.prepare<[number, string, number]>('INSERT INTO goal_item (goal_id, item_id, position) VALUES (?, ?, ?)')
  const nextMilestonePosition = db.prepare<[number], { next: number }>('SELECT coalesce(max(position) + 1, 0) AS next FROM milestone WHERE goal_id = ?')
  const insertMilestone = db.prepare(`
    INSERT INTO milestone (goal_id, title, due_date, position, created_at, updated_at)
    VALUES (@goalId, @title, @dueDate, @position, @at, @at)`)
  const milestoneStmt = db.prepare<[number], MilestoneRow>('SELECT id, goal_id, title, due_date, done_at, position FROM milestone WHERE id = ?')
  const updateMilestoneStmt = db.prepare('UPDATE milestone SET title = @title, due_date = @dueDate, updated_at = @at WHERE id = @id')
  const setDoneStmt = db.prepare<[string | null, string, number]>('UPDATE milestone SET done_at = ?, updated_at = ? WHERE id = ?')
  const deleteMilestone = db.prepare<[number]>('DELETE FROM milestone WHERE id = ?')
  const milestoneIdsStmt = db.prepare<[number], { id: number }>('SELECT id FROM milestone WHERE goal_id = ? ORDER BY position, id')
  const setPosition = db.prepare<[number, number]>('UPDATE milestone SET position = ? WHERE id = ?')
  const milestonesOfStmt = db.prepare<[number], MilestoneRow>('SELECT id, goal_id, title, due_date, done_at, position FROM milestone WHERE goal_id = ?')
  const linkingStmt = db.prepare<[string], GoalRow>(`
    SELECT g.* FROM goal g JOIN goal_item gi ON gi.goal_id = g.id WHERE gi.item_id = ?
    ORDER BY g.archived_at IS NOT NULL, g.target_date IS NULL, g.target_date, g.id`)

  const hydrate = (rows: GoalRow[], today: string, options: HydrateOptions = {}): Goal[] => {
    const ids = JSON.stringify(rows.map((r) => r.id))
    const milestones = groupByGoal(milestonesStmt.all(ids))
    const links = groupByGoal(linksStmt.all(ids))
    const targets = new Map(targetsStmt.all(ids).map((t) => [t.goal_id, toTarget(t)]))
    return rows.map((row) => {
      const ms = (milestones.get(row.id) ?? []).map((m) => toMilestone(m, row, today))
      const activityTarget = targets.get(row.id) ?? null
      // One exact count per goal with a target, answered by activity_day or the activity indexes.
      const activityCount =
        activityTarget === null
          ? null
          : countTarget(targetFilter(activityTarget, { startDate: row.start_date, targetDate: row.target_date }, options.countThrough))
      return {
        id: row.id,
        title: row.title,
        description: row.description,
        startDate: row.start_date,
        targetDate: row.target_date,
        priority: row.priority,
        status: row.status,
        manualProgress: row.manual_progress,
        progress: goalProgress({ manualProgress: row.manual_progress, milestones: ms, activityTarget, activityCount }),
        overdue: isGoalOverdue({ status: row.status, archivedAt: row.archived_at, targetDate: row.target_date }, today),
        items: (links.get(row.id) ?? []).map(toLink),
        milestones: ms,
        activityTarget,
        activityCount,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        completedAt: row.completed_at,
        archivedAt: row.archived_at,
      }
    })
  }

  const writeLinks = (goalId: number, itemIds: readonly string[]) => {
    clearLinks.run(goalId)
    itemIds.forEach((itemId, position) => insertLink.run(goalId, itemId, position))
  }
  const writeTarget = (goalId: number, target: GoalActivityTarget | null) => {
    if (target === null) deleteTarget.run(goalId)
    else {
      upsertTarget.run({
        goalId,
        count: target.count,
        kinds: JSON.stringify(target.kinds),
        state: target.state,
        repo: target.repo,
        skillId: target.skillId,
        from: target.from,
        to: target.to,
      })
    }
  }

  return {
    list(filter: GoalFilter, today: string, options: HydrateOptions = {}): Goal[] {
      const rows = listStmt.all({
        statuses: filter.status ? JSON.stringify(filter.status) : null,
        archived: filter.archived,
        item_id: filter.itemId ?? null,
      })
      return hydrate(rows, today, options)
    },
    get(id: number, today: string): Goal | undefined {
      const row = getStmt.get(id)
      return row ? hydrate([row], today)[0] : undefined
    },
    /** Goals that link an item, for the item's page. */
    linking(itemId: string): { id: number; title: string; status: GoalStatus; archived: boolean }[] {
      return linkingStmt.all(itemId).map((g) => ({ id: g.id, title: g.title, status: g.status, archived: g.archived_at !== null }))
    },
    create(fields: GoalFields, itemIds: readonly string[], milestones: readonly (MilestoneFields & { done: boolean })[], target: GoalActivityTarget | null, at: Date): number {
      return db.transaction(() => {
        const iso = at.toISOString()
        const id = Number(insertGoal.run({ ...fields, at: iso }).lastInsertRowid)
        writeLinks(id, itemIds)
        if (target !== null) writeTarget(id, target)
        milestones.forEach((m, position) => {
          const milestoneId = Number(insertMilestone.run({ goalId: id, title: m.title, dueDate: m.dueDate, position, at: iso }).lastInsertRowid)
          if (m.done) setDoneStmt.run(iso, iso, milestoneId)
        })
        return id
      })()
    },
    /** `target` undefined keeps the stored one; null removes it. */
    update(id: number, fields: GoalFields, itemIds: readonly string[] | undefined, target: GoalActivityTarget | null | undefined, at: Date): void {
      db.transaction(() => {
        updateGoal.run({ ...fields, id, at: at.toISOString() })
        if (itemIds) writeLinks(id, itemIds)
        if (target !== undefined) writeTarget(id, target)
      })()
    },
    setArchived(id: number, archivedAt: Date | null, at: Date): void {
      setArchivedStmt.run(archivedAt ? archivedAt.toISOString() : null, at.toISOString(), id)
    },
    remove(id: number): void {
      // Milestones and links go with it (ON DELETE CASCADE).
      deleteGoal.run(id)
    },
    milestone(id: number): MilestoneRow | undefined {
      return milestoneStmt.get(id)
    },
    milestoneIds(goalId: number): number[] {
      return milestoneIdsStmt.all(goalId).map((r) => r.id)
    },
    addMilestone(goalId: number, fields: MilestoneFields, at: Date): void {
      db.transaction(() => {
        const position = nextMilestonePosition.get(goalId)?.next ?? 0
        insertMilestone.run({ goalId, title: fields.title, dueDate: fields.dueDate, position, at: at.toISOString() })
        touchGoal.run(at.toISOString(), goalId)
      })()
    },
    updateMilestone(id: number, goalId: number, fields: MilestoneFields, at: Date): void {
      db.transaction(() => {
        updateMilestoneStmt.run({ id, title: fields.title, dueDate: fields.dueDate, at: at.toISOString() })
        touchGoal.run(at.toISOString(), goalId)
      })()
    },
    setMilestoneDone(id: number, goalId: number, done: boolean, at: Date): void {
      db.transaction(() => {
        setDoneStmt.run(done ? at.toISOString() : null, at.toISOString(), id)
        touchGoal.run(at.toISOString(), goalId)
      })()
    },
    removeMilestone(id: number, goalId: number, at: Date): void {
      db.transaction(() => {
        deleteMilestone.run(id)
        touchGoal.run(at.toISOString(), goalId)
      })()
    },
    /**
     * Makes the goal's milestones exactly `list`, in its order; ids must be the goal's own.
     * Rows are written only where something changed, so their updated_at stays honest.
     */
    replaceMilestones(goalId: number, list: readonly (MilestoneFields & { id?: number; done: boolean })[], at: Date): void {
      const iso = at.toISOString()
      db.transaction(() => {
        const stored = new Map(milestonesOfStmt.all(goalId).map((m) => [m.id, m]))
        const kept = new Set(list.flatMap((m) => (m.id === undefined ? [] : [m.id])))
        for (const id of stored.keys()) if (!kept.has(id)) deleteMilestone.run(id)
        list.forEach((m, position) => {
          const old = m.id === undefined ? undefined : stored.get(m.id)
          if (!old) {
            const id = Number(insertMilestone.run({ goalId, title: m.title, dueDate: m.dueDate, position, at: iso }).lastInsertRowid)
            if (m.done) setDoneStmt.run(iso, iso, id)
            return
          }
          if (old.title !== m.title || old.due_date !== m.dueDate) updateMilestoneStmt.run({ id: old.id, title: m.title, dueDate: m.dueDate, at: iso })
          if ((old.done_at !== null) !== m.done) setDoneStmt.run(m.done ? iso : null, iso, old.id)
          if (old.position !== position) setPosition.run(position, old.id)
        })
        touchGoal.run(iso, goalId)
      })()
    },
    reorderMilestones(goalId: number, ids: readonly number[], at: Date): void {
      db.transaction(() => {
        ids.forEach((id, position) => setPosition.run(position, id))
        touchGoal.run(at.toISOString(), goalId)
      })()
    },
  }
}

export type GoalsRepository = ReturnType<typeof createGoalsRepository>
