import { activityDraft } from '@shared/contract/activities'
import type { Activity, ActivityKind, ActivitySource } from '@shared/domain/activities'
import { createHash } from 'node:crypto'
import type { ImportedFields } from '../activities/activityRow'
import { unstorableTextReason } from '../ipc/nulCharacters'

/** What an importer of documents knows about one activity; the rest is left empty for the person. */
export interface FoundActivity {
  kind: ActivityKind
  date: string
  title: string
  url?: string | null
  repo?: string | null
  hours?: number | null
  notes?: string | null
  impact?: string | null
}

/**
 * The activity as the store takes it, held to the same rules as the form (title, link, lengths),
 * or the reason it cannot be, in words. A document is someone else's text: nothing in it is
 * stored without passing the rules a person's own entry passes.
 */
export function importedActivity(found: FoundActivity, source: ActivitySource, externalKey: string): ImportedFields | { problem: string } {
  const parsed = activityDraft.safeParse({
    kind: found.kind,
    date: found.date,
    title: found.title,
    url: found.url ?? null,
    repo: found.repo ?? null,
    hours: found.hours ?? null,
    notes: found.notes ?? null,
    impact: found.impact ?? null,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { problem: `${String(issue?.path[0] ?? 'it')}: ${issue?.message ?? 'not valid'}` }
  }
  const draft = parsed.data
  for (const text of [draft.title, draft.url, draft.repo, draft.notes, draft.impact]) {
    const reason = text ? unstorableTextReason(text) : null
    if (reason) return { problem: reason }
  }
  return {
    kind: draft.kind,
    starred: false,
    date: draft.date,
    title: draft.title,
    url: draft.url ?? null,
    repo: draft.repo ?? null,
    state: null,
    hours: draft.hours ?? null,
    notes: draft.notes ?? null,
    impact: draft.impact ?? null,
    goalId: null,
    skillIds: [],
    source,
    externalKey,
    commitCount: null,
    linesChanged: null,
  }
}

/** `prefix:` and the id as given when it is short enough to read, else its SHA-256. */
export function keyFor(prefix: string, id: string): string {
  return id.length <= 300 ? `${prefix}:${id}` : `${prefix}:sha256:${createHash('sha256').update(id).digest('hex')}`
}

/** The same activity with the fields the source owns taken from `incoming`, the person's kept. */
export function withSourceFields(existing: Activity, changes: Partial<ImportedFields>): ImportedFields {
  return {
    kind: existing.kind,
    starred: existing.starred,
    date: existing.date,
    title: existing.title,
    url: existing.url,
    repo: existing.repo,
    state: existing.state,
    hours: existing.hours,
    notes: existing.notes,
    impact: existing.impact,
    goalId: existing.goalId,
    skillIds: existing.skills.map((s) => s.id),
    source: existing.source,
    externalKey: existing.externalKey,
    commitCount: existing.commitCount,
    linesChanged: existing.linesChanged,
    ...changes,
  }
}
