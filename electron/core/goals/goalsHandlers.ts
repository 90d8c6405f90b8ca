import { contract } from '@shared/contract'
import { dueWithinReach, milestoneTooFarMessage, targetDateMessage, targetRangeMessage, targetTooFarMessage, targetWithinReach, type ActivityTargetInput } from '@shared/contract/goals'
import { toIsoDate } from '@shared/domain/dates'
import { activityTargetRange, type Goal, type GoalActivityTarget } from '@shared/domain/goals'
import type { CoreContext } from '../context'
import { DomainError } from '../ipc/domainError'
import { handle, type CoreHandlers } from '../ipc/handle'
import { requireItem } from '../roadmap/requireItem'
import { createRoadmapRepository } from '../roadmap/roadmapRepository'
import { createGoalsRepository, type GoalFields } from './goalsRepository'

const blankToNull = (text: string | null | undefined): string | null => (text === null || text === undefined || text.trim() === '' ? null : text.trim())

/** The contract checks dates given together; this checks a patch against what is stored. */
function assertDatesInOrder(fields: Pick<GoalFields, 'startDate' | 'targetDate'>): void {
  if (fields.targetDate !== null && fields.targetDate < fields.startDate) {
    throw new DomainError('invalid-input', `${targetDateMessage} (${fields.startDate}).`, [{ path: 'targetDate', message: targetDateMessage }])
  }
  if (!targetWithinReach(fields)) {
    throw new DomainError('invalid-input', `${targetTooFarMessage} (${fields.startDate}).`, [{ path: 'targetDate', message: targetTooFarMessage }])
  }
}

/** A milestone due more than the allowed years after its goal's start, checked against the stored start. */
function assertDueWithinReach(startDate: string, dueDate: string | null | undefined, path: string): void {
  if (!dueWithinReach(startDate, dueDate)) {
    throw new DomainError('invalid-input', `${milestoneTooFarMessage} (${startDate}).`, [{ path, message: milestoneTooFarMessage }])
  }
}

const toTarget = (input: ActivityTargetInput): GoalActivityTarget => ({
  count: input.count,
  kinds: [...new Set(input.kinds ?? [])],
  state: input.state ?? null,
  repo: input.repo === undefined || input.repo === null || input.repo === '' ? null : input.repo,
  skillId: input.skillId ?? null,
  from: input.from ?? null,
  to: input.to ?? null,
})

function invalidTarget(path: string, message: string, detail = ''): DomainError {
  return new DomainError('invalid-input', `${message}${detail}.`, [{ path: `activityTarget.${path}`, message }])
}

export function goalsHandlers({ db, now, log }: CoreContext): CoreHandlers['goals'] {
  const repo = createGoalsRepository(db)
  const roadmap = createRoadmapRepository(db)
  const c = contract.goals
  const today = () => toIsoDate(now())

  const goal = (goalId: number): Goal => {
    const found = repo.get(goalId, today())
    if (!found) throw new DomainError('not-found', `There is no goal ${goalId}.`)
    return found
  }
  const milestone = (milestoneId: number) => {
    const found = repo.milestone(milestoneId)
    if (!found) throw new DomainError('not-found', `There is no milestone ${milestoneId}.`)
    return found
  }
  const assertItemsExist = (itemIds: readonly string[] | undefined) => {
    for (const itemId of itemIds ?? []) requireItem(roadmap, itemId)
  }
  /** What the schema cannot see alone: the skill in the store, and dates that fall back on the goal's. */
  const assertTarget = (target: GoalActivityTarget | null, goalDates: Pick<GoalFields, 'startDate' | 'targetDate'>) => {
    if (target === null) return
    if (target.skillId !== null && roadmap.getItem(target.skillId)?.kind !== 'skill') {
      throw invalidTarget('skillId', `There is no skill "${target.skillId}" in the career path`)
    }
    const range = activityTargetRange(target, goalDates)
    if (range.to !== null && range.to < range.from) {
      const whose = (own: string | null, goal: string) => (own === null ? `the goal's ${goal}` : 'its own')
      throw invalidTarget(
        target.to === null ? 'from' : 'to',
        targetRangeMessage,
        ` (counting from ${range.from}, ${whose(target.from, 'start date')}, to ${range.to}, ${whose(target.to, 'target date')})`,
      )
    }
  }

  return {
    list: handle(c.list, ({ status, archived, itemId }) => repo.list({ status, archived, itemId }, today()), log),
    get: handle(c.get, ({ goalId }) => goal(goalId), log),
    create: handle(c.create, (input) => {
      const fields: GoalFields = {
        title: input.title,
        description: blankToNull(input.description),
        startDate: input.startDate ?? today(),
        targetDate: input.targetDate ?? null,
        priority: input.priority,
        status: input.status,
        manualProgress: input.manualProgress,
      }
      assertDatesInOrder(fields)
      assertItemsExist(input.itemIds)
      const target = input.activityTarget ? toTarget(input.activityTarget) : null
      assertTarget(target, fields)
      input.milestones.forEach((m, index) => assertDueWithinReach(fields.startDate, m.dueDate, `milestones.${index}.dueDate`))
      const milestones = input.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate ?? null, done: m.done }))
      return goal(repo.create(fields, input.itemIds, milestones, target, now()))
    }, log),
    update: handle(c.update, ({ goalId, itemIds, activityTarget, milestones, ...patch }) => {
      const current = goal(goalId)
      const fields: GoalFields = {
        title: patch.title ?? current.title,
        description: patch.description === undefined ? current.description : blankToNull(patch.description),
        startDate: patch.startDate ?? current.startDate,
        targetDate: patch.targetDate === undefined ? current.targetDate : patch.targetDate,
        priority: patch.priority ?? current.priority,
        status: patch.status ?? current.status,
        manualProgress: patch.manualProgress ?? current.manualProgress,
      }
      assertDatesInOrder(fields)
      assertItemsExist(itemIds)
      const target = activityTarget === undefined ? undefined : activityTarget === null ? null : toTarget(activityTarget)
      // New dates are checked against the stored target too: they may be what it counts between.
      assertTarget(target === undefined ? current.activityTarget : target, fields)
      const own = new Set(current.milestones.map((m) => m.id))
      milestones?.forEach((m, index) => {
        if (m.id !== undefined && !own.has(m.id)) {
          const message = `Milestone ${m.id} is not one of this goal's`
          throw new DomainError('invalid-input', `${message}.`, [{ path: `milestones.${index}.id`, message }])
        }
        assertDueWithinReach(fields.startDate, m.dueDate, `milestones.${index}.dueDate`)
      })
      // A start moved earlier brings the limit nearer the milestones kept as they are.
      if (!milestones && patch.startDate !== undefined) current.milestones.forEach((m, index) => assertDueWithinReach(fields.startDate, m.dueDate, `milestones.${index}.dueDate`))
      db.transaction(() => {
        repo.update(goalId, fields, itemIds, target, now())
        if (milestones) repo.replaceMilestones(goalId, milestones.map((m) => ({ ...m, dueDate: m.dueDate ?? null })), now())
      })()
      return goal(goalId)
    }, log),
    archive: handle(c.archive, ({ goalId }) => {
      const current = goal(goalId)
      if (current.archivedAt === null) repo.setArchived(goalId, now(), now())
      return goal(goalId)
    }, log),
    restore: handle(c.restore, ({ goalId }) => {
      const current = goal(goalId)
      if (current.archivedAt !== null) repo.setArchived(goalId, null, now())
      return goal(goalId)
    }, log),
    remove: handle(c.remove, ({ goalId }) => {
      const current = goal(goalId)
      repo.remove(goalId)
      return current
    }, log),
    addMilestone: handle(c.addMilestone, ({ goalId, title, dueDate }) => {
      assertDueWithinReach(goal(goalId).startDate, dueDate, 'dueDate')
      repo.addMilestone(goalId, { title, dueDate: dueDate ?? null }, now())
      return goal(goalId)
    }, log),
    updateMilestone: handle(c.updateMilestone, ({ milestoneId, title, dueDate }) => {
      const current = milestone(milestoneId)
      assertDueWithinReach(goal(current.goal_id).startDate, dueDate, 'dueDate')
      repo.updateMilestone(milestoneId, current.goal_id, { title: title ?? current.title, dueDate: dueDate === undefined ? current.due_date : dueDate }, now())
      return goal(current.goal_id)
    }, log),
    toggleMilestone: handle(c.toggleMilestone, ({ milestoneId, done }) => {
      const current = milestone(milestoneId)
      const wasDone = current.done_at !== null
      const next = done ?? !wasDone
      if (next !== wasDone) repo.setMilestoneDone(milestoneId, current.goal_id, next, now())
      return goal(current.goal_id)
    }, log),
    removeMilestone: handle(c.removeMilestone, ({ milestoneId }) => {
      const current = milestone(milestoneId)
      repo.removeMilestone(milestoneId, current.goal_id, now())
      return goal(current.goal_id)
    }, log),
    reorderMilestones: handle(c.reorderMilestones, ({ goalId, milestoneIds }) => {
      goal(goalId)
      const existing = repo.milestoneIds(goalId)
      const given = new Set(milestoneIds)
      if (given.size !== milestoneIds.length || given.size !== existing.length || existing.some((id) => !given.has(id))) {
        const message = `List each of the goal's ${existing.length} milestones exactly once.`
        throw new DomainError('invalid-input', message, [{ path: 'milestoneIds', message }])
      }
      repo.reorderMilestones(goalId, milestoneIds, now())
      return goal(goalId)
    }, log),
  }
}
