import { defineStore } from 'pinia'
import { ref } from 'vue'
import { contract, type AppError } from '@shared/contract'
import type { ItemEvidence, ItemStatus, RoadmapItem, RoadmapItemDetail } from '@shared/domain/roadmap'
import { api } from '../api/client'
import { useNoticeStore } from '../ui/useNoticeStore'
import { useRoadmapStore } from './useRoadmapStore'

/** The item page: one item with its history, note, evidence and goals. */
export const useItemStore = defineStore('item', () => {
  const detail = ref<RoadmapItemDetail | null>(null)
  const loadError = ref<AppError | null>(null)
  const noteState = ref<'idle' | 'saving' | 'saved'>('idle')
  let latest = 0

  async function load(itemId: string) {
    const ticket = ++latest
    const result = await api.roadmap.item({ itemId })
    if (ticket !== latest) return
    if (result.ok) {
      detail.value = result.value
      loadError.value = null
    } else {
      detail.value = null
      loadError.value = result.error
    }
  }

  // Status and level go through the roadmap store so its list and its validation stay the one truth.
  async function after(changed: Promise<RoadmapItem | null>) {
    const item = await changed
    if (item) await load(item.id)
  }
  const setStatus = (itemId: string, status: ItemStatus) => after(useRoadmapStore().setStatus(itemId, status))
  const setLevel = (itemId: string, level: number | null) => after(useRoadmapStore().setLevel(itemId, level))
  const setHidden = (itemId: string, hidden: boolean) => after(useRoadmapStore().setHidden(itemId, hidden))

  async function setNote(itemId: string, note: string) {
    if ((detail.value?.item.note ?? '') === note.trim()) return
    noteState.value = 'saving'
    const result = await api.roadmap.setNote({ itemId, note })
    if (!result.ok) {
      noteState.value = 'idle'
      useNoticeStore().error(result.error)
      return
    }
    noteState.value = 'saved'
    useRoadmapStore().replaceItem(result.value)
    if (detail.value?.item.id === itemId) detail.value = { ...detail.value, item: result.value }
  }

  /** Field issues by name ("url", "note") when refused, else null. */
  async function addEvidence(itemId: string, url: string, note: string): Promise<Record<string, string> | null> {
    const input = { itemId, url, note: note.trim() === '' ? null : note }
    const parsed = contract.roadmap.addEvidence.input.safeParse(input)
    if (!parsed.success) return Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message]))
    const result = await api.roadmap.addEvidence(input)
    if (!result.ok) {
      const issues = Object.fromEntries((result.error.issues ?? []).map((i) => [i.path, i.message]))
      return Object.keys(issues).length ? issues : { url: result.error.message }
    }
    await load(itemId)
    return null
  }

  async function removeEvidence(evidence: ItemEvidence) {
    const result = await api.roadmap.removeEvidence({ evidenceId: evidence.id })
    if (!result.ok) {
      useNoticeStore().error(result.error)
      return
    }
    await load(evidence.itemId)
    useNoticeStore().success('Removed the link.', {
      label: 'Undo',
      run: async () => {
        if (evidence.url === null) return
        const back = await api.roadmap.addEvidence({ itemId: evidence.itemId, url: evidence.url, note: evidence.note })
        if (back.ok) await load(evidence.itemId)
        else useNoticeStore().error(back.error)
      },
    })
  }

  return { detail, loadError, noteState, load, setStatus, setLevel, setHidden, setNote, addEvidence, removeEvidence }
})
