import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import type { z } from 'zod'
import type { AppError } from '@shared/contract'
import { activityListInput, type activityFilter } from '@shared/contract/activities'
import type { Activity, ActivityKind, ActivityPage, ActivitySort, ActivityState, RepositoryCount } from '@shared/domain/activities'
import { api } from '../api/client'
import { useRemoteChangesStore } from '../sync/useRemoteChangesStore'
import { useNoticeStore } from '../ui/useNoticeStore'

type FilterInput = z.input<typeof activityFilter>
type DraftInput = Parameters<typeof api.activities.create>[0]
type ChangesInput = Parameters<typeof api.activities.update>[0]

/** The list's filters as the controls hold them: '' and [] mean "any". */
export interface FilterState {
  kinds: ActivityKind[]
  repo: string
  skillId: string
  goalId: number | null
  from: string
  to: string
  state: ActivityState | 'none' | ''
  search: string
}

export const emptyFilter = (): FilterState => ({ kinds: [], repo: '', skillId: '', goalId: null, from: '', to: '', state: '', search: '' })

export function toFilterInput(filter: FilterState): FilterInput {
  const search = filter.search.trim()
  return {
    ...(filter.kinds.length ? { kinds: [...filter.kinds] } : {}),
    ...(filter.repo ? { repo: filter.repo } : {}),
    ...(filter.skillId ? { skillId: filter.skillId } : {}),
    ...(filter.goalId !== null ? { goalId: filter.goalId } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.state ? { state: filter.state } : {}),
    ...(search ? { search } : {}),
  }
}

export type SaveOutcome = { ok: true; activity: Activity } | { ok: false; error: AppError }

/** Rows per request. The list never holds more than `keptPages` of them. */
export const pageSize = 100
const keptPages = 12

/**
 * The activity log: a window onto a list that may hold 100,000 rows. Only the pages near
 * what is on screen are fetched and kept; the total comes with every page, so the scroller
 * can be as tall as the whole list without loading it.
 */
export const useActivitiesStore = defineStore('activities', () => {
  const filter = reactive<FilterState>(emptyFilter())
  const sort = ref<ActivitySort>('date-desc')
  /** Matching activities, null until the first page of a filter has come back. */
  const total = ref<number | null>(null)
  /** False while `total` is the core's estimate (a broad search with other filters). */
  const totalExact = ref(true)
  const pages = shallowRef(new Map<number, Activity[]>())
  const loadError = ref<AppError | null>(null)
  const filterError = ref<{ path: string; message: string } | null>(null)
  const repos = ref<RepositoryCount[]>([])
  /** Bumped whenever what is stored changes, so views that summarise it (insights) know to reload. */
  const revision = ref(0)

  // Pages asked for and not yet answered; answers for an older generation are dropped.
  const pending = new Set<number>()
  // Pages shown from before a change, kept on screen until their fresh copy arrives.
  let stale = new Set<number>()
  // nextCursor of page n - 1, keyed by n: reading on with a cursor beats a deep OFFSET.
  let cursors = new Map<number, string>()
  let generation = 0
  // Where an empty page showed the list must end, while the total is an estimate.
  let endsBy = Number.POSITIVE_INFINITY
  let visible: [number, number] = [0, 0]

  const listInput = () => ({ ...toFilterInput(filter), sort: sort.value, limit: pageSize })
  const isFiltered = computed(() => Object.keys(toFilterInput(filter)).length > 0)

  function rowAt(index: number): Activity | undefined {
    return pages.value.get(Math.floor(index / pageSize))?.[index % pageSize]
  }

  function keep(page: number, rows: Activity[]) {
    const next = new Map(pages.value)
    next.set(page, rows)
    // Forget the pages furthest from the one just read.
    while (next.size > keptPages) {
      let furthest = page
      for (const p of next.keys()) if (Math.abs(p - page) > Math.abs(furthest - page)) furthest = p
      if (furthest === page) break
      next.delete(furthest)
    }
    pages.value = next
  }

  async function fetchPage(page: number) {
    const asked = generation
    pending.add(page)
    const cursor = cursors.get(page)
    const base = listInput()
    const result = await api.activities.list(cursor !== undefined ? { ...base, cursor } : { ...base, offset: page * pageSize })
    if (asked !== generation) return
    pending.delete(page)
    if (!result.ok) {
      loadError.value = result.error
      return
    }
    loadError.value = null
    stale.delete(page)
    settleTotal(page, result.value)
    if (result.value.nextCursor !== null) cursors.set(page + 1, result.value.nextCursor)
    keep(page, result.value.rows)
  }

  /**
   * An exact total is taken as it is. An estimate stands until the pages say otherwise: the
   * last page (no next cursor) gives the exact end, an empty page means the end is before it,
   * and a full page near the estimated end means there is more.
   */
  function settleTotal(page: number, answer: ActivityPage) {
    const start = page * pageSize
    if (answer.totalExact) {
      total.value = answer.total
      totalExact.value = true
    } else if (answer.nextCursor === null && (answer.rows.length > 0 || page === 0)) {
      total.value = start + answer.rows.length
      totalExact.value = true
    } else if (answer.rows.length === 0) {
      // Nothing here: the list ends before this page, right before it if the page before is full.
      endsBy = Math.min(endsBy, start)
      total.value = Math.min(total.value ?? start, start)
      totalExact.value = page === 0 || pages.value.get(page - 1)?.length === pageSize
    } else if (!totalExact.value || total.value === null) {
      const atLeast = start + answer.rows.length + (answer.nextCursor === null ? 0 : 1)
      total.value = Math.min(endsBy, Math.max(total.value ?? answer.total, answer.total, atLeast))
      totalExact.value = total.value === endsBy && atLeast >= endsBy
    }
  }

  /** Fetches the pages under rows first..last that are missing or out of date. */
  function ensureRows(first: number, last: number) {
    visible = [first, last]
    const from = Math.max(0, Math.floor(first / pageSize))
    const to = Math.max(from, Math.floor(last / pageSize))
    for (let page = from; page <= to; page += 1) {
      if (pending.has(page)) continue
      if (pages.value.has(page) && !stale.has(page)) continue
      if (total.value !== null && page * pageSize >= Math.max(total.value, 1)) continue
      void fetchPage(page)
    }
  }

  /** A new query: the old rows mean nothing for it. */
  function reset() {
    generation += 1
    pending.clear()
    stale = new Set()
    cursors = new Map()
    pages.value = new Map()
    total.value = null
    totalExact.value = true
    endsBy = Number.POSITIVE_INFINITY
    const parsed = activityListInput.safeParse(listInput())
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      filterError.value = { path: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? 'These filters cannot be used together.' }
      total.value = 0
      return
    }
    filterError.value = null
    ensureRows(0, 0)
  }

  /** The same query after a change: rows stay on screen until their fresh copy replaces them. */
  function refresh() {
    generation += 1
    pending.clear()
    cursors = new Map()
    endsBy = Number.POSITIVE_INFINITY
    revision.value += 1
    const [first, last] = visible
    const keepFrom = Math.floor(first / pageSize)
    const keepTo = Math.floor(last / pageSize)
    pages.value = new Map([...pages.value].filter(([p]) => p >= keepFrom && p <= keepTo))
    stale = new Set(pages.value.keys())
    if (pages.value.size === 0) total.value = null
    ensureRows(first, last)
    void loadRepos()
  }

  watch([filter, sort], reset, { deep: true })
  // Another machine's rows: the rows on screen stay until their fresh copy replaces them, so the scroll stays put.
  useRemoteChangesStore().onRemoteChange(() => {
    if (total.value !== null && filterError.value === null) refresh()
  })

  async function loadRepos() {
    const result = await api.activities.repos({})
    if (result.ok) repos.value = result.value
  }

  function setFilter(changes: Partial<FilterState>) {
    Object.assign(filter, changes)
  }
  function clearFilters() {
    Object.assign(filter, emptyFilter())
  }

  async function create(input: DraftInput): Promise<SaveOutcome> {
    const result = await api.activities.create(input)
    if (!result.ok) return result
    refresh()
    return { ok: true, activity: result.value }
  }

  async function update(input: ChangesInput): Promise<SaveOutcome> {
    const result = await api.activities.update(input)
    if (!result.ok) return result
    refresh()
    return { ok: true, activity: result.value }
  }

  async function duplicate(activity: Activity): Promise<SaveOutcome> {
    const result = await api.activities.duplicate({ id: activity.id })
    if (!result.ok) {
      useNoticeStore().error(result.error)
      return result
    }
    refresh()
    const copy = result.value
    useNoticeStore().success(`Duplicated “${activity.title}”.`, { label: 'Undo', run: async () => void (await remove(copy, true)) })
    return { ok: true, activity: copy }
  }

  async function restore(activity: Activity) {
    const result = await api.activities.restore({ id: activity.id })
    if (!result.ok) {
      useNoticeStore().error(result.error)
      return
    }
    refresh()
    useNoticeStore().success(`Restored “${activity.title}”.`)
  }

  /** Soft delete; the notice offers Undo until the app closes. `quiet` undoes a duplicate without another Undo. */
  async function remove(activity: Activity, quiet = false): Promise<boolean> {
    const result = await api.activities.remove({ id: activity.id })
    if (!result.ok) {
      useNoticeStore().error(result.error)
      return false
    }
    refresh()
    if (!quiet) useNoticeStore().success(`Deleted “${activity.title}”.`, { label: 'Undo', run: () => restore(activity) })
    return true
  }

  return {
    filter,
    sort,
    total,
    totalExact,
    pages,
    loadError,
    filterError,
    repos,
    revision,
    isFiltered,
    rowAt,
    ensureRows,
    reset,
    refresh,
    loadRepos,
    setFilter,
    clearFilters,
    create,
    update,
    duplicate,
    remove,
    restore,
  }
})
