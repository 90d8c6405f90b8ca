import { measureProgress, progressBuckets, progressRuleText, emptyProgress } from '@shared/domain/progress'
import type { RoadmapItem } from '@shared/domain/roadmap'
import type { ReportCompletedItem, ReportPeriod, ReportProgressRow, ReportRoadmap, ReportSkill, ReportSkills, ReportTrackRow } from '@shared/domain/report'
import { dayIn } from './period'
import type { StateTimeline } from './stateAt'

export interface RoadmapInput {
  pathTitle: string
  items: readonly RoadmapItem[]
  chosenTrackIds: readonly string[]
  timeline: StateTimeline
  period: ReportPeriod
  excludeSalary: boolean
  excludeNotes: boolean
  /** Activities of the period per skill id. */
  activitiesBySkill: ReadonlyMap<string, number>
}

/** Hidden by the user, itself or through an item above it. */
function hiddenIds(items: readonly RoadmapItem[]): Set<string> {
  const byId = new Map(items.map((i) => [i.id, i]))
  const out = new Set<string>()
  for (const item of items) {
    const seen = new Set<string>()
    for (let at: RoadmapItem | undefined = item; at && !seen.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) {
      seen.add(at.id)
      if (at.hidden) {
        out.add(item.id)
        break
      }
    }
  }
  return out
}

/**
 * Roadmap progress at the start and the end of the period, and the skills' levels then,
 * all by the shared progress rule applied to the items as they stood at each instant.
 */
export function buildRoadmapAndSkills(input: RoadmapInput): { roadmap: ReportRoadmap; skills: ReportSkills } {
  const { items, timeline, period } = input
  const startItems = timeline.itemsAt(period.startsAt)
  const endItems = timeline.itemsAt(period.endsAt)
  const start = measureProgress(startItems)
  const end = measureProgress(endItems)
  const hidden = hiddenIds(items)
  const byId = new Map(items.map((i) => [i.id, i]))

  const row = (item: RoadmapItem): ReportProgressRow => ({
    id: item.id,
    kind: item.kind,
    title: item.title,
    start: start.byId.get(item.id) ?? emptyProgress(),
    end: end.byId.get(item.id) ?? emptyProgress(),
  })
  const visible = (kind: RoadmapItem['kind']) => items.filter((i) => i.kind === kind && !hidden.has(i.id))

  const chosen = new Set(input.chosenTrackIds)
  const tracks = visible('track')
  const shownTracks = chosen.size > 0 ? tracks.filter((t) => chosen.has(t.id)) : tracks
  const trackRows = shownTracks.map(
    (t): ReportTrackRow => ({
      ...row(t),
      stageTitle: t.parentId === null ? null : (byId.get(t.parentId)?.title ?? null),
      chosen: chosen.has(t.id),
      salary: input.excludeSalary ? null : t.salary,
    }),
  )

  /** Done with level 0 or none: the status and the level disagree, so a report flags it. */
  const unassessed = (item: RoadmapItem): boolean => {
    if (item.kind !== 'skill') return false
    const now = timeline.stateAt(item, period.endsAt)
    return now.status === 'done' && (now.level ?? 0) === 0
  }
  const startBuckets = progressBuckets(startItems)
  const endBuckets = progressBuckets(endItems)
  const completed = items.flatMap((item): ReportCompletedItem[] => {
    if (endBuckets.get(item.id) !== 'done' || startBuckets.get(item.id) === 'done') return []
    const at = timeline.doneAt(item.id, period.endsAt)
    return at === null || at < period.startsAt ? [] : [{ id: item.id, kind: item.kind, title: item.title, on: dayIn(at, period.timeZone), unassessed: unassessed(item) }]
  })
  completed.sort((a, b) => a.on.localeCompare(b.on))

  const position = new Map(items.map((item, index) => [item.id, index]))
  const skillRows = items.flatMap((item): ReportSkill[] => {
    if (item.kind !== 'skill') return []
    const bucket = endBuckets.get(item.id)
    if (bucket !== 'done' && bucket !== 'in-progress' && bucket !== 'not-started') return []
    const then = timeline.stateAt(item, period.startsAt)
    const now = timeline.stateAt(item, period.endsAt)
    const activities = input.activitiesBySkill.get(item.id) ?? 0
    if (now.level === null && then.level === null && now.status === 'not-started' && activities === 0) return []
    return [
      {
        id: item.id,
        title: item.title,
        parentTitle: item.parentId === null ? null : (byId.get(item.parentId)?.title ?? null),
        status: now.status,
        levelStart: then.level,
        levelEnd: now.level,
        change: (now.level ?? 0) - (then.level ?? 0),
        activities,
        note: input.excludeNotes || !item.note?.trim() ? null : item.note,
        unassessed: now.status === 'done' && (now.level ?? 0) === 0,
      },
    ]
  })
  skillRows.sort(
    (a, b) =>
      (b.levelEnd ?? -1) - (a.levelEnd ?? -1) || b.change - a.change || (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0),
  )

  return {
    roadmap: {
      pathTitle: input.pathTitle,
      rule: progressRuleText,
      overall: { start: start.overall, end: end.overall },
      stages: visible('stage').map(row),
      tracks: trackRows,
      strategyGroups: visible('strategy-group').map(row),
      completed,
    },
    skills: { rows: skillRows, improved: skillRows.filter((s) => s.change > 0).length },
  }
}
