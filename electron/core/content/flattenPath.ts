import type { CareerPathFile } from '@shared/domain/careerPath'
import type { ItemKind } from '@shared/domain/roadmap'

export interface ContentItemRow {
  id: string
  path_id: string
  parent_id: string | null
  kind: ItemKind
  position: number
  title: string
  tagline: string | null
  description: string | null
  duration_months: number | null
  salary_min: number | null
  salary_max: number | null
  salary_currency: string | null
  salary_period: string | null
  activity_kinds: string
}

const months = (d: { years?: number | undefined; months?: number | undefined } | undefined): number | null =>
  d ? (d.years ?? 0) * 12 + (d.months ?? 0) : null

/** The path file's tree as rows, each with its parent and its position among siblings. */
export function flattenPath(path: CareerPathFile): ContentItemRow[] {
  const rows: ContentItemRow[] = []
  const base = { path_id: path.id, tagline: null, description: null, duration_months: null, salary_min: null, salary_max: null, salary_currency: null, salary_period: null, activity_kinds: '[]' }
  path.stages.forEach((stage, s) => {
    rows.push({ ...base, id: stage.id, parent_id: null, kind: 'stage', position: s, title: stage.title, description: stage.description ?? null, duration_months: months(stage.duration) })
    let position = 0
    for (const skill of stage.skills) {
      rows.push({ ...base, id: skill.id, parent_id: stage.id, kind: 'skill', position: position++, title: skill.title, description: skill.description ?? null })
    }
    for (const track of stage.tracks) {
      rows.push({
        ...base,
        id: track.id,
        parent_id: stage.id,
        kind: 'track',
        position: position++,
        title: track.title,
        tagline: track.tagline ?? null,
        description: track.description ?? null,
        salary_min: track.salary?.min ?? null,
        salary_max: track.salary?.max ?? null,
        salary_currency: track.salary?.currency ?? null,
        salary_period: track.salary?.period ?? null,
      })
      track.skills.forEach((skill, k) =>
        rows.push({ ...base, id: skill.id, parent_id: track.id, kind: 'skill', position: k, title: skill.title, description: skill.description ?? null }),
      )
    }
    for (const group of stage.strategyGroups) {
      rows.push({ ...base, id: group.id, parent_id: stage.id, kind: 'strategy-group', position: position++, title: group.title, description: group.description ?? null })
      group.strategies.forEach((strategy, k) =>
        rows.push({
          ...base,
          id: strategy.id,
          parent_id: group.id,
          kind: 'strategy',
          position: k,
          title: strategy.title,
          description: strategy.description ?? null,
          activity_kinds: JSON.stringify(strategy.activityKinds),
        }),
      )
    }
  })
  return rows
}
