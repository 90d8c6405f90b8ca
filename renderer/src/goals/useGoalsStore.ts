import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppError } from '@shared/contract'
import type { Goal, GoalStatus } from '@shared/domain/goals'
import { goalProgress } from '@shared/domain/progress'
import { api } from '../api/client'
import { useRemoteChangesStore } from '../sync/useRemoteChangesStore'
import { useNoticeStore } from '../ui/useNoticeStore'

type GoalDraftInput = Parameters<typeof api.goals.create>[0]
type GoalPatchInput = Parameters<typeof api.goals.update>[0]

/** A milestone as the form holds it: `id` once it is stored. */
export interface MilestoneDraft {
  key: number
  id?: number
  title: string
  dueDate: string
  done: boolean
}

export type SaveOutcome = { ok: true; goal: Goal } | { ok: false; error: AppError }

export const useGoalsStore = defineStore('goals', () => {
  /** Every goal, archived ones included: filtering happens here, so switching filters is instant. */
  const goals = ref<Goal[]>([])
  const loaded = ref(false)
  const loadError = ref<AppError | null>(null)
  const busy = ref(new Set<number>())

  const current = computed(() => goals.value.filter((g) => g.archivedAt === null))
  const archived = computed(() => goals.value.filter((g) => g.archivedAt !== null))
  const countByStatus = computed(() => {
    const counts: Record<GoalStatus, number> = { active: 0, paused: 0, done: 0, dropped: 0 }
    for (const goal of current.value) counts[goal.status] += 1
    return counts
  })

  /** Milestone ticks asked and not yet answered, and every tick asked so far. */
  let ticksInFlight = 0
  let ticksAsked = 0
  /** A list read that crossed a tick: read again once the ticks are answered. */
  let readAgain = false

  async function load() {
    const asked = ticksAsked
    const result = await api.goals.list({ archived: 'include' })
    // A list read while a tick was on its way may hold the goal without it, and would untick
    // the box until the tick's own answer came (a remote change's refresh can land mid-click).
    if (result.ok && (ticksInFlight > 0 || ticksAsked !== asked)) {
      readAgain = true
      return
    }
    if (result.ok) {
      goals.value = result.value
      loadError.value = null
      loaded.value = true
    } else loadError.value = result.error
  }
  // Another machine's goals, read as any load: an open dialog keeps its own draft.
  useRemoteChangesStore().onRemoteChange(() => (loaded.value ? load() : undefined))

  function replace(goal: Goal) {
    goals.value = goals.value.some((g) => g.id === goal.id) ? goals.value.map((g) => (g.id === goal.id ? goal : g)) : [...goals.value, goal]
  }
  const forget = (goalId: number) => {
    goals.value = goals.value.filter((g) => g.id !== goalId)
  }
  const byId = (goalId: number) => goals.value.find((g) => g.id === goalId)

  function mark(goalId: number, on: boolean) {
    const next = new Set(busy.value)
    if (on) next.add(goalId)
    else next.delete(goalId)
    busy.value = next
  }

  async function create(input: GoalDraftInput): Promise<SaveOutcome> {
    const result = await api.goals.create(input)
    if (!result.ok) return result
    replace(result.value)
    return { ok: true, goal: result.value }
  }

  /** Saves the goal's fields and its milestones in one call: the core applies all of it or none. */
  async function save(patch: GoalPatchInput, milestones: readonly MilestoneDraft[]): Promise<SaveOutcome> {
    const goalId = patch.goalId
    mark(goalId, true)
    try {
      const updated = await api.goals.update({
        ...patch,
        milestones: milestones.map((m) => ({ ...(m.id === undefined ? {} : { id: m.id }), title: m.title, dueDate: m.dueDate === '' ? null : m.dueDate, done: m.done })),
      })
      if (!updated.ok) return updated
      replace(updated.value)
      return { ok: true, goal: updated.value }
    } finally {
      mark(goalId, false)
    }
  }

  async function update(patch: GoalPatchInput): Promise<SaveOutcome> {
    mark(patch.goalId, true)
    const result = await api.goals.update(patch)
    mark(patch.goalId, false)
    if (!result.ok) return result
    replace(result.value)
    return { ok: true, goal: result.value }
  }

  /** Optimistic: ticking is cheap to undo, and the box should answer the click at once. */
  /** The newest tick asked per goal: ticks answered out of turn must not undo later ones on screen. */
  const latestTick = new Map<number, number>()

  async function toggleMilestone(goalId: number, milestoneId: number, done: boolean) {
    const before = byId(goalId)
    if (before) {
      const milestones = before.milestones.map((m) => (m.id === milestoneId ? { ...m, doneAt: done ? new Date().toISOString() : null, overdue: done ? false : m.overdue } : m))
      replace({ ...before, milestones, progress: goalProgress({ ...before, milestones }) })
    }
    const mine = (latestTick.get(goalId) ?? 0) + 1
    latestTick.set(goalId, mine)
    ticksAsked += 1
    ticksInFlight += 1
    const result = await api.goals.toggleMilestone({ milestoneId, done }).finally(() => (ticksInFlight -= 1))
    if (ticksInFlight === 0 && readAgain) {
      readAgain = false
      void load()
    }
    // The core answers in order, so the newest answer holds every tick; an older one would
    // briefly untick what the person ticked after it.
    const newest = latestTick.get(goalId) === mine
    if (result.ok) {
      if (newest) replace(result.value)
    } else {
      if (newest && before) replace(before)
      useNoticeStore().error(result.error)
    }
  }

  async function archive(goal: Goal) {
    mark(goal.id, true)
    const result = await api.goals.archive({ goalId: goal.id })
    mark(goal.id, false)
    if (!result.ok) {
      useNoticeStore().error(result.error)
      return
    }
    replace(result.value)
    useNoticeStore().success(`Moved “${goal.title}” to the archive.`, { label: 'Undo', run: () => restore(result.value, true) })
  }

  async function restore(goal: Goal, quiet = false) {
    const result = await api.goals.restore({ goalId: goal.id })
    if (!result.ok) {
      useNoticeStore().error(result.error)
      return
    }
    replace(result.value)
    if (!quiet) useNoticeStore().success(`Restored “${goal.title}”.`)
  }

  async function remove(goal: Goal) {
    const result = await api.goals.remove({ goalId: goal.id })
    if (!result.ok) {
      useNoticeStore().error(result.error)
      return
    }
    forget(goal.id)
    useNoticeStore().success(`Deleted “${goal.title}” for good.`)
  }

  return { goals, loaded, loadError, busy, current, archived, countByStatus, byId, load, create, save, update, toggleMilestone, archive, restore, remove }
})

