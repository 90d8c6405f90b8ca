import { contract } from '@shared/contract'
import type { Activity } from '@shared/domain/activities'
import type { CoreContext } from '../context'
import { DomainError } from '../ipc/domainError'
import { handle, type CoreHandlers } from '../ipc/handle'
import { activePathIdOf } from './activePath'
import { createActivitiesRepository } from './activitiesRepository'
import { createActivityStats } from './activityStats'
import { applyChanges, draftFields } from './activityFields'
import { fieldsOf, type ActivityFields, type ImportedFields } from './activityRow'
import { assertValidActivity } from './activityRules'
import { createGoalLookup } from './goalLookup'

const manual = (fields: ActivityFields): ImportedFields => ({ ...fields, source: 'manual', externalKey: null, commitCount: null, linesChanged: null })

export function activitiesHandlers({ db, settings, now, log }: CoreContext): CoreHandlers['activities'] {
  const repo = createActivitiesRepository(db)
  const stats = createActivityStats(db)
  const goalExists = createGoalLookup(db)
  const activePathId = activePathIdOf(db, settings)
  // Undo lasts a session: what was removed before this start is gone for good.
  repo.purgeRemoved()
  const c = contract.activities

  const rules = () => ({ now: now(), unknownSkills: repo.unknownSkills, goalExists })
  const requireActivity = (id: number): Activity => {
    const activity = repo.get(id)
    if (!activity) throw new DomainError('not-found', `There is no activity ${id}.`)
    return activity
  }

  return {
    list: handle(c.list, (input) => repo.list(input), log),
    get: handle(c.get, ({ id }) => requireActivity(id), log),
    create: handle(c.create, (draft) => {
      const fields = draftFields(draft)
      assertValidActivity(fields, rules())
      return requireActivity(repo.insert(manual(fields), now()))
    }, log),
    update: handle(c.update, (changes) => {
      const before = requireActivity(changes.id)
      const fields = applyChanges(fieldsOf(before), changes)
      assertValidActivity(fields, rules())
      repo.update(before.id, { ...fields, source: before.source, externalKey: before.externalKey, commitCount: before.commitCount, linesChanged: before.linesChanged }, now())
      return requireActivity(before.id)
    }, log),
    duplicate: handle(c.duplicate, ({ id, date }) => {
      const fields = { ...fieldsOf(requireActivity(id)), ...(date ? { date } : {}) }
      assertValidActivity(fields, rules())
      return requireActivity(repo.insert(manual(fields), now()))
    }, log),
    remove: handle(c.remove, ({ id }) => {
      requireActivity(id)
      const at = now()
      repo.remove(id, at)
      return { id, deletedAt: at.toISOString() }
    }, log),
    restore: handle(c.restore, ({ id }) => {
      if (!repo.restore(id, now())) {
        if (repo.get(id)) throw new DomainError('conflict', `Activity ${id} is not in the bin.`)
        throw new DomainError('not-found', `There is no removed activity ${id} to restore.`)
      }
      return requireActivity(id)
    }, log),
    stats: handle(c.stats, () => stats(now(), activePathId()), log),
    repos: handle(c.repos, () => repo.repos(), log),
  }
}
