import type { ActivityChanges, ActivityDraft } from '@shared/contract/activities'
import { withLinkRepository } from '@shared/domain/activityLink'
import type { ActivityFields } from './activityRow'

const unique = (ids: readonly string[]): string[] => [...new Set(ids)]

export function draftFields(draft: ActivityDraft): ActivityFields {
  return withLinkRepository({
    kind: draft.kind,
    date: draft.date,
    title: draft.title,
    url: draft.url ?? null,
    repo: draft.repo ?? null,
    state: draft.state ?? null,
    hours: draft.hours ?? null,
    notes: draft.notes ?? null,
    impact: draft.impact ?? null,
    starred: draft.starred ?? false,
    goalId: draft.goalId ?? null,
    skillIds: unique(draft.skillIds ?? []),
  })
}

/**
 * Fields left out keep their value; null clears an optional one. A repository cleared while a
 * forge link stays is read from the link again, as at logging.
 */
export function applyChanges(before: ActivityFields, changes: ActivityChanges): ActivityFields {
  return withLinkRepository({
    kind: changes.kind ?? before.kind,
    date: changes.date ?? before.date,
    title: changes.title ?? before.title,
    url: changes.url === undefined ? before.url : changes.url,
    repo: changes.repo === undefined ? before.repo : changes.repo,
    state: changes.state === undefined ? before.state : changes.state,
    hours: changes.hours === undefined ? before.hours : changes.hours,
    notes: changes.notes === undefined ? before.notes : changes.notes,
    impact: changes.impact === undefined ? before.impact : changes.impact,
    starred: changes.starred ?? before.starred,
    goalId: changes.goalId === undefined ? before.goalId : changes.goalId,
    skillIds: changes.skillIds === undefined ? before.skillIds : unique(changes.skillIds),
  })
}
