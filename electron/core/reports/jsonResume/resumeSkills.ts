import type { JsonResumeSkill } from '@shared/domain/jsonResume'
import { skillLevelLabels, type RoadmapItem, type SkillLevel } from '@shared/domain/roadmap'

export interface ListedSkill {
  skill: JsonResumeSkill
  meta: { id: string; level: number | null; status: string }
}

const isLevel = (n: number): n is SkillLevel => Number.isInteger(n) && n >= 0 && n <= 5

/** The level in words: the person's own 0-5 rating, else what their status says. */
function levelWord(item: RoadmapItem): string {
  if (item.level !== null && item.level > 0 && isLevel(item.level)) return skillLevelLabels[item.level]
  return item.status === 'done' ? 'Learned' : 'Learning'
}

const statusRank = { done: 0, 'in-progress': 1, 'not-started': 2, skipped: 3 } as const

/**
 * The roadmap's skills the person has: rated 1 or more, or in progress or done. Hidden and
 * skipped ones stay out. Highest level first, then done before in progress, then path order.
 * Keywords name the track or stage the skill belongs to.
 */
export function resumeSkills(items: readonly RoadmapItem[]): ListedSkill[] {
  const titles = new Map(items.map((i) => [i.id, i.title]))
  const listed = items.flatMap((item, order) => {
    if (item.kind !== 'skill' || item.hidden || item.status === 'skipped') return []
    const rated = item.level !== null && item.level > 0
    if (!rated && item.status !== 'in-progress' && item.status !== 'done') return []
    const parent = item.parentId === null ? null : (titles.get(item.parentId) ?? null)
    return [{ item, order, parent }]
  })
  listed.sort((x, y) => (y.item.level ?? 0) - (x.item.level ?? 0) || statusRank[x.item.status] - statusRank[y.item.status] || x.order - y.order)
  return listed.map(({ item, parent }) => ({
    skill: { name: item.title, level: levelWord(item), keywords: parent === null ? [] : [parent] },
    meta: { id: item.id, level: item.level, status: item.status },
  }))
}
