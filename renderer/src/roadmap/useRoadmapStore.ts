import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppError } from '@shared/contract'
import type { ItemKind, ItemStatus, Roadmap, RoadmapItem } from '@shared/domain/roadmap'
import { api } from '../api/client'
import { useNoticeStore } from '../ui/useNoticeStore'

export const useRoadmapStore = defineStore('roadmap', () => {
  const roadmap = ref<Roadmap | null>(null)
  const loadError = ref<AppError | null>(null)
  const loading = ref(false)
  const saving = ref(new Set<string>())

  const childrenOf = computed(() => {
    const map = new Map<string | null, RoadmapItem[]>()
    for (const item of roadmap.value?.items ?? []) {
      const list = map.get(item.parentId) ?? []
      list.push(item)
      map.set(item.parentId, list)
    }
    return map
  })
  const stages = computed(() => childrenOf.value.get(null) ?? [])
  const children = (id: string, kind?: ItemKind) => (childrenOf.value.get(id) ?? []).filter((c) => !kind || c.kind === kind)

  async function load() {
    loading.value = true
    const result = await api.roadmap.get({})
    loading.value = false
    if (result.ok) {
      roadmap.value = result.value
      loadError.value = null
    } else loadError.value = result.error
  }

  function replaceItem(updated: RoadmapItem) {
    if (!roadmap.value) return
    roadmap.value = { ...roadmap.value, items: roadmap.value.items.map((i) => (i.id === updated.id ? updated : i)) }
  }

  async function setStatus(itemId: string, status: ItemStatus) {
    saving.value = new Set(saving.value).add(itemId)
    const result = await api.roadmap.setStatus({ itemId, status })
    const next = new Set(saving.value)
    next.delete(itemId)
    saving.value = next
    if (result.ok) replaceItem(result.value)
    else useNoticeStore().error(result.error)
  }

  return { roadmap, loadError, loading, saving, stages, children, load, setStatus }
})
