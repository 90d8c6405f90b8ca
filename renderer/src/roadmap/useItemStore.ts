import { defineStore } from 'pinia'
import { ref } from 'vue'
import { contract, type AppError } from '@shared/contract'
import type { ChannelInput } from '@shared/contract/channel'
import type { RoadmapItemDetail } from '@shared/domain/itemDetail'
import type { ItemEvidence, ItemStatus, RoadmapItem } from '@shared/domain/roadmap'
import { api } from '../api/client'
import { issuesByPath } from '../ui/formIssues'
import { useRemoteChangesStore } from '../sync/useRemoteChangesStore'
import { useNoticeStore } from '../ui/useNoticeStore'
import { useRoadmapStore } from './useRoadmapStore'

type EvidenceInput = ChannelInput<typeof contract.roadmap.addEvidence>
const blankToNull = (text: string): string | null => (text.trim() === '' ? null : text)
/** Each form shows its issues beside its own fields, so "note" rather than a nested path. */
const topLevel = (path: string): string => path.split('.')[0] ?? ''

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
  // The note box is the page's own copy (ItemView), so a note being written stays as it is.
  useRemoteChangesStore().onRemoteChange(() => (detail.value ? load(detail.value.item.id) : undefined))

  // Status and level go through the roadmap store so its list and its validation stay the one truth.
  async function after(changed: Promise<RoadmapItem | null>) {
    const item = await changed
    // While a newer save of the same item is on its way, this page would show an older value.
    if (item && !useRoadmapStore().saving.has(item.id)) await load(item.id)
  }
  const setStatus = (itemId: string, status: ItemStatus) => after(useRoadmapStore().setStatus(itemId, status))
  const setLevel = (itemId: string, level: number | null) => after(useRoadmapStore().setLevel(itemId, level))
  const setHidden = (itemId: string, hidden: boolean) => after(useRoadmapStore().setHidden(itemId, hidden))

  /** Answers the core's result for the edit form; the page shows the saved item. */
  async function updateCustomItem(input: ChannelInput<typeof contract.roadmap.updateCustomItem>) {
    const result = await useRoadmapStore().updateCustomItem(input)
    if (result.ok) await load(result.value.id)
    return result
  }

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

  /** Field issues by name ("url", "activityId", "note"; '' for the draft as a whole) when refused, else null. */
  async function add(input: EvidenceInput): Promise<Record<string, string> | null> {
    const parsed = contract.roadmap.addEvidence.input.safeParse(input)
    if (!parsed.success) return issuesByPath(parsed.error.issues, topLevel)
    const result = await api.roadmap.addEvidence(input)
    if (!result.ok) {
      const issues = issuesByPath(result.error.issues ?? [], topLevel)
      return Object.keys(issues).length ? issues : { '': result.error.message }
    }
    await load(input.itemId)
    return null
  }
  const addLink = (itemId: string, url: string, note: string) => add({ itemId, url, note: blankToNull(note) })

  /** For a form that shows the refusal itself (useFormSubmission). */
  async function attachActivity(input: EvidenceInput) {
    const result = await api.roadmap.addEvidence(input)
    if (result.ok) await load(input.itemId)
    return result
  }

  async function removeEvidence(evidence: ItemEvidence) {
    const result = await api.roadmap.removeEvidence({ evidenceId: evidence.id })
    if (!result.ok) {
      useNoticeStore().error(result.error)
      return
    }
    await load(evidence.itemId)
    const again: EvidenceInput | null =
      evidence.activityId !== null
        ? { itemId: evidence.itemId, activityId: evidence.activityId, note: evidence.note }
        : evidence.url !== null
          ? { itemId: evidence.itemId, url: evidence.url, note: evidence.note }
          : null
    const what = evidence.activity ? `“${evidence.activity.title}” from the evidence` : 'the link'
    useNoticeStore().success(`Removed ${what}.`, {
      label: 'Undo',
      run: async () => {
        if (!again) return
        const back = await api.roadmap.addEvidence(again)
        if (back.ok) await load(evidence.itemId)
        else useNoticeStore().error(back.error)
      },
    })
  }

  return { detail, loadError, noteState, load, setStatus, setLevel, setHidden, updateCustomItem, setNote, addLink, attachActivity, removeEvidence }
})
