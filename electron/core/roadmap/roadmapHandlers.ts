import { contract } from '@shared/contract'
import { evidenceMessages } from '@shared/contract/roadmap'
import { customItemParentKinds, itemKindLabels, type CustomItemKind, type RoadmapItem } from '@shared/domain/roadmap'
import type { CoreContext } from '../context'
import { createGoalsRepository } from '../goals/goalsRepository'
import { DomainError } from '../ipc/domainError'
import { handle, type CoreHandlers } from '../ipc/handle'
import { activePath } from './activePath'
import { readChosenTracks, writeChosenTracks } from './chosenTracks'
import { createCustomItemsRepository } from './customItemsRepository'
import { createEvidenceRepository } from './evidenceRepository'
import { requireItem } from './requireItem'
import { createRoadmapRepository } from './roadmapRepository'

export { activePathKey } from './activePath'

const blankToNull = (text: string | null | undefined): string | null | undefined =>
  text === undefined ? undefined : text === null || text.trim() === '' ? null : text.trim()

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`)

function assertParentFits(kind: CustomItemKind, parent: RoadmapItem): void {
  const allowed = customItemParentKinds[kind]
  if (allowed.includes(parent.kind)) return
  const where = allowed.map((k) => article(itemKindLabels[k])).join(' or ')
  const message = `${article(itemKindLabels[kind])[0]?.toUpperCase()}${article(itemKindLabels[kind]).slice(1)} goes under ${where}; "${parent.title}" is ${article(itemKindLabels[parent.kind])}.`
  throw new DomainError('invalid-input', message, [{ path: 'parentId', message }])
}

function assertActivityKindsFit(kind: RoadmapItem['kind'], activityKinds: readonly string[] | undefined): void {
  if (!activityKinds?.length || kind === 'strategy') return
  const message = 'Only strategies have activity kinds.'
  throw new DomainError('invalid-input', message, [{ path: 'activityKinds', message }])
}

export function roadmapHandlers({ db, settings, now, log }: CoreContext): CoreHandlers['roadmap'] {
  const repo = createRoadmapRepository(db)
  const evidence = createEvidenceRepository(db)
  const custom = createCustomItemsRepository(db)
  const goals = createGoalsRepository(db)
  const c = contract.roadmap
  evidence.forgetRemovedActivities()
  const item = (itemId: string) => requireItem(repo, itemId)
  const customOnly = (itemId: string, verb: string) => {
    const found = item(itemId)
    if (!found.custom) {
      throw new DomainError('conflict', `"${found.title}" comes with the career path and cannot be ${verb}; hide it instead, or add an item of your own.`)
    }
    return found
  }

  return {
    get: handle(c.get, () => {
      const path = activePath(repo, settings)
      const items = repo.listItems(path.id)
      return { path, items, chosenTrackIds: readChosenTracks(settings, path.id, items) }
    }, log),
    listPaths: handle(c.listPaths, () => repo.listPaths(), log),
    setStatus: handle(c.setStatus, ({ itemId, status }) => {
      item(itemId)
      repo.setStatus(itemId, status, now())
      return item(itemId)
    }, log),
    setLevel: handle(c.setLevel, ({ itemId, level }) => {
      const found = item(itemId)
      if (found.kind !== 'skill') {
        const message = `Levels are for skills; "${found.title}" is ${article(itemKindLabels[found.kind])}.`
        throw new DomainError('invalid-input', message, [{ path: 'level', message }])
      }
      repo.setLevel(itemId, level, now())
      return item(itemId)
    }, log),
    setNote: handle(c.setNote, ({ itemId, note }) => {
      item(itemId)
      repo.setNote(itemId, blankToNull(note) ?? null, now())
      return item(itemId)
    }, log),
    setHidden: handle(c.setHidden, ({ itemId, hidden }) => {
      item(itemId)
      repo.setHidden(itemId, hidden, now())
      return item(itemId)
    }, log),
    history: handle(c.history, ({ itemId }) => {
      item(itemId)
      return repo.history(itemId)
    }, log),
    item: handle(c.item, ({ itemId }) => ({
      item: item(itemId),
      ancestors: repo.ancestors(itemId),
      children: repo.children(itemId),
      history: repo.history(itemId),
      evidence: evidence.forItem(itemId),
      goals: goals.linking(itemId),
    }), log),
    addEvidence: handle(c.addEvidence, ({ itemId, url, activityId, note }) => {
      const found = item(itemId)
      const cleanNote = blankToNull(note) ?? null
      if (url !== undefined) return evidence.addLink(itemId, url, cleanNote, now())
      // The schema already refuses a draft with neither; this tells the checker so too.
      if (activityId === undefined) throw new DomainError('invalid-input', `${evidenceMessages.neither}.`)
      const activityTitle = evidence.activityTitle(activityId)
      if (activityTitle === undefined) {
        const message = `There is no activity ${activityId}; it may have been removed.`
        throw new DomainError('not-found', message, [{ path: 'activityId', message }])
      }
      if (evidence.isAttached(itemId, activityId)) {
        const message = `“${activityTitle}” is already evidence for ${found.title}.`
        throw new DomainError('conflict', message, [{ path: 'activityId', message }])
      }
      return evidence.addActivity(itemId, activityId, cleanNote, now())
    }, log),
    removeEvidence: handle(c.removeEvidence, ({ evidenceId }) => {
      const found = evidence.get(evidenceId)
      if (!found) throw new DomainError('not-found', `There is no evidence ${evidenceId}.`)
      evidence.remove(evidenceId)
      return found
    }, log),
    chooseTracks: handle(c.chooseTracks, ({ trackIds }) => {
      const path = activePath(repo, settings)
      const items = repo.listItems(path.id)
      const tracks = new Set(items.filter((i) => i.kind === 'track').map((i) => i.id))
      for (const [index, trackId] of trackIds.entries()) {
        if (tracks.has(trackId)) continue
        const found = item(trackId)
        const message = `"${found.title}" is not a track of ${path.title}.`
        throw new DomainError('invalid-input', message, [{ path: `trackIds.${index}`, message }])
      }
      writeChosenTracks(settings, path.id, [...new Set(trackIds)])
      return readChosenTracks(settings, path.id, items)
    }, log),
    addCustomItem: handle(c.addCustomItem, ({ parentId, kind, title, tagline, description, activityKinds }) => {
      const parent = item(parentId)
      assertParentFits(kind, parent)
      assertActivityKindsFit(kind, activityKinds)
      const pathId = repo.pathOf(parentId)
      if (!pathId) throw new DomainError('not-found', `There is no roadmap item "${parentId}".`)
      const id = custom.add(
        pathId,
        parentId,
        kind,
        { title, tagline: blankToNull(tagline) ?? null, description: blankToNull(description) ?? null, activityKinds: activityKinds ?? [] },
        now(),
      )
      return item(id)
    }, log),
    updateCustomItem: handle(c.updateCustomItem, ({ itemId, parentId, title, tagline, description, activityKinds }) => {
      const found = customOnly(itemId, 'edited')
      if (found.kind === 'stage') throw new DomainError('conflict', 'Stages come with the career path.')
      assertActivityKindsFit(found.kind, activityKinds)
      if (parentId !== undefined && parentId !== found.parentId) {
        const parent = item(parentId)
        assertParentFits(found.kind, parent)
        if (repo.pathOf(parentId) !== repo.pathOf(itemId)) {
          const message = `"${parent.title}" belongs to another career path.`
          throw new DomainError('invalid-input', message, [{ path: 'parentId', message }])
        }
      }
      custom.update(itemId, { parentId, title, tagline: blankToNull(tagline), description: blankToNull(description), activityKinds }, now())
      return item(itemId)
    }, log),
    removeCustomItem: handle(c.removeCustomItem, ({ itemId }) => {
      customOnly(itemId, 'removed')
      return { removedIds: custom.remove(itemId) }
    }, log),
  }
}
