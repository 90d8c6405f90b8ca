import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { contract, type AppError } from '@shared/contract'
import type { ChannelInput } from '@shared/contract/channel'
import { skillLevel } from '@shared/contract/roadmap'
import { describeProgress, emptyProgress, measureProgress, type Progress } from '@shared/domain/progress'
import { itemStatusLabels, type CustomItemKind, type ItemKind, type ItemStatus, type Roadmap, type RoadmapItem } from '@shared/domain/roadmap'
import { api } from '../api/client'
import { useRemoteChangesStore } from '../sync/useRemoteChangesStore'
import { formatLevel } from '../ui/format'
import { useNoticeStore } from '../ui/useNoticeStore'

export interface CustomItemDraft {
  parentId: string
  kind: CustomItemKind
  title: string
  description: string
}

/** An Undo puts the old value back with `undoable: false`, so undoing offers no Undo of its own. */
export interface ChangeOptions {
  undoable?: boolean
}

export const useRoadmapStore = defineStore('roadmap', () => {
  const roadmap = ref<Roadmap | null>(null)
  const loadError = ref<AppError | null>(null)
  const loading = ref(false)
  const saving = ref(new Set<string>())
  /** Why the last level change of an item was refused, shown beside its control. */
  const levelErrors = ref(new Map<string, string>())

  const childrenOf = computed(() => {
    const map = new Map<string | null, RoadmapItem[]>()
    for (const item of roadmap.value?.items ?? []) {
      const list = map.get(item.parentId) ?? []
      list.push(item)
      map.set(item.parentId, list)
    }
    return map
  })
  const byId = computed(() => new Map((roadmap.value?.items ?? []).map((i) => [i.id, i])))
  const stages = computed(() => childrenOf.value.get(null) ?? [])
  const children = (id: string, kind?: ItemKind) => (childrenOf.value.get(id) ?? []).filter((c) => !kind || c.kind === kind)
  const chosenTrackIds = computed(() => new Set(roadmap.value?.chosenTrackIds ?? []))
  const tracks = computed(() => (roadmap.value?.items ?? []).filter((i) => i.kind === 'track'))

  // The same rule the core's summary uses, so the roadmap and the dashboard never disagree.
  const report = computed(() => measureProgress(roadmap.value?.items ?? []))
  const progressOf = (id: string): Progress => report.value.byId.get(id) ?? emptyProgress()
  const explain = (id: string): string => describeProgress(progressOf(id))

  async function load() {
    loading.value = true
    const result = await api.roadmap.get({})
    loading.value = false
    if (result.ok) {
      roadmap.value = result.value
      loadError.value = null
    } else loadError.value = result.error
  }
  // Another machine's statuses and levels: nothing on the page shows `loading`, so this is quiet.
  useRemoteChangesStore().onRemoteChange(() => (roadmap.value ? load() : undefined))

  function replaceItem(updated: RoadmapItem) {
    if (!roadmap.value) return
    roadmap.value = { ...roadmap.value, items: roadmap.value.items.map((i) => (i.id === updated.id ? updated : i)) }
  }

  // A person may step through a select's options faster than the core answers, so several
  // saves of one item can be in flight: the item counts as saving until the last one is back,
  // and only the newest answer is shown (an older one arriving late would undo the newer choice).
  const inFlight = new Map<string, number>()
  let calls = 0
  const newestCall = new Map<string, number>()

  function markSaving(itemId: string, on: boolean) {
    const count = (inFlight.get(itemId) ?? 0) + (on ? 1 : -1)
    if (count > 0) inFlight.set(itemId, count)
    else inFlight.delete(itemId)
    saving.value = new Set(inFlight.keys())
  }

  async function saveItem<T>(itemId: string, call: () => Promise<T>): Promise<{ answer: T; newest: boolean }> {
    const ticket = ++calls
    newestCall.set(itemId, ticket)
    markSaving(itemId, true)
    try {
      const answer = await call()
      return { answer, newest: newestCall.get(itemId) === ticket }
    } finally {
      markSaving(itemId, false)
    }
  }

  async function run(itemId: string, call: () => ReturnType<typeof api.roadmap.setStatus>): Promise<RoadmapItem | null> {
    const { answer: result, newest } = await saveItem(itemId, call)
    if (result.ok) {
      if (newest) replaceItem(result.value)
      return result.value
    }
    useNoticeStore().error(result.error)
    return null
  }

  // One Undo per item and field, going back to where it was before the first of a run of changes:
  // stepping through a select's options with the arrow keys is one change to the person.
  const undoOffers = new Map<string, { noticeId: number; undo: () => Promise<unknown> }>()
  function offerUndo(key: string, message: string, undo: () => Promise<unknown>) {
    const notices = useNoticeStore()
    const open = undoOffers.get(key)
    const stillShown = open !== undefined && notices.notices.some((n) => n.id === open.noticeId)
    const back = stillShown ? open.undo : undo
    if (open) notices.dismiss(open.noticeId)
    const noticeId = notices.success(message, {
      label: 'Undo',
      run: async () => {
        undoOffers.delete(key)
        await back()
      },
    })
    undoOffers.set(key, { noticeId, undo: back })
  }

  async function setStatus(itemId: string, status: ItemStatus, { undoable = true }: ChangeOptions = {}) {
    const before = byId.value.get(itemId)?.status
    const item = await run(itemId, () => api.roadmap.setStatus({ itemId, status }))
    if (item && undoable && before !== undefined && before !== status) {
      offerUndo(`status:${itemId}`, `“${item.title}” is now ${itemStatusLabels[status].toLowerCase()}.`, () => setStatus(itemId, before, { undoable: false }))
    }
    return item
  }

  async function setHidden(itemId: string, hidden: boolean, { undoable = true }: ChangeOptions = {}) {
    const item = await run(itemId, () => api.roadmap.setHidden({ itemId, hidden }))
    if (item && undoable) {
      offerUndo(
        `hidden:${itemId}`,
        hidden ? `Hid “${item.title}”: it leaves every count.` : `“${item.title}” counts again.`,
        () => setHidden(itemId, !hidden, { undoable: false }),
      )
    }
    return item
  }

  function setLevelError(itemId: string, message: string | null) {
    const next = new Map(levelErrors.value)
    if (message === null) next.delete(itemId)
    else next.set(itemId, message)
    levelErrors.value = next
  }

  /** Checked here with the contract's own schema first, so a bad level is refused before any round trip. */
  async function setLevel(itemId: string, level: number | null, { undoable = true }: ChangeOptions = {}): Promise<RoadmapItem | null> {
    const before = byId.value.get(itemId)?.level
    const parsed = skillLevel.nullable().safeParse(level)
    if (!parsed.success) {
      setLevelError(itemId, parsed.error.issues[0]?.message ?? 'That level cannot be saved.')
      return null
    }
    const { answer: result, newest } = await saveItem(itemId, () => api.roadmap.setLevel({ itemId, level: parsed.data }))
    if (!result.ok) {
      setLevelError(itemId, result.error.issues?.[0]?.message ?? result.error.message)
      return null
    }
    if (newest) {
      setLevelError(itemId, null)
      replaceItem(result.value)
    }
    if (undoable && before !== undefined && before !== parsed.data) {
      offerUndo(`level:${itemId}`, `“${result.value.title}”: ${formatLevel(parsed.data)}.`, () => setLevel(itemId, before, { undoable: false }))
    }
    return result.value
  }

  /** Optimistic: the toggle answers at once and goes back if the core refuses. */
  async function toggleTrack(trackId: string) {
    if (!roadmap.value) return
    const before = roadmap.value.chosenTrackIds
    const wanted = before.includes(trackId) ? before.filter((id) => id !== trackId) : [...before, trackId]
    roadmap.value = { ...roadmap.value, chosenTrackIds: wanted }
    const result = await api.roadmap.chooseTracks({ trackIds: wanted })
    if (!roadmap.value) return
    if (result.ok) roadmap.value = { ...roadmap.value, chosenTrackIds: result.value }
    else {
      roadmap.value = { ...roadmap.value, chosenTrackIds: before }
      useNoticeStore().error(result.error)
    }
  }

  /** Answers the field issues (by field name) when the draft is refused, or null when saved. */
  async function addCustomItem(draft: CustomItemDraft): Promise<{ item: RoadmapItem } | { issues: Record<string, string> }> {
    const input = { parentId: draft.parentId, kind: draft.kind, title: draft.title, description: draft.description.trim() === '' ? null : draft.description }
    const parsed = contract.roadmap.addCustomItem.input.safeParse(input)
    if (!parsed.success) return { issues: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message])) }
    const result = await api.roadmap.addCustomItem(input)
    if (!result.ok) {
      const issues = Object.fromEntries((result.error.issues ?? []).map((i) => [i.path.split('.')[0] ?? '', i.message]))
      return { issues: Object.keys(issues).length ? issues : { '': result.error.message } }
    }
    await load()
    return { item: result.value }
  }

  /** Answers the core's result, so the form that sent it can show a refusal beside its fields. */
  async function updateCustomItem(input: ChannelInput<typeof contract.roadmap.updateCustomItem>) {
    const result = await api.roadmap.updateCustomItem(input)
    if (result.ok) replaceItem(result.value)
    return result
  }

  async function removeCustomItem(itemId: string): Promise<boolean> {
    const result = await api.roadmap.removeCustomItem({ itemId })
    if (!result.ok) {
      useNoticeStore().error(result.error)
      return false
    }
    await load()
    return true
  }

  return {
    roadmap,
    loadError,
    loading,
    saving,
    levelErrors,
    stages,
    byId,
    tracks,
    chosenTrackIds,
    children,
    report,
    progressOf,
    explain,
    load,
    setStatus,
    setLevel,
    setHidden,
    toggleTrack,
    addCustomItem,
    updateCustomItem,
    removeCustomItem,
    replaceItem,
  }
})
