import { ref, type Ref } from 'vue'
import type { Goal } from '@shared/domain/goals'
import { useGoalsStore } from '../goals/useGoalsStore'
import { formatDay } from '../ui/dates'
import { useNoticeStore } from '../ui/useNoticeStore'
import { editAt, keyEdit, shiftByDays, shiftByMonths, type BarEdit, type GoalSpan } from './barMoves'

interface Drag {
  goal: Goal & { targetDate: string }
  edit: BarEdit
  originX: number
  pxPerDay: number
  /** Past a few pixels it is a drag; short of them, a click that opens the dates dialog. */
  moved: boolean
  span: GoalSpan
}

/** A pointer this far from where it went down has dragged, not clicked. */
const dragThreshold = 4

/**
 * Dragging a bar (or either end) and the same by keys on a focused bar, saved through
 * goals.update like the dates dialog, each with an Undo. `daysOnAxis` and the plot element
 * turn pixels into days.
 */
export function useBarDrag(plot: Ref<HTMLElement | null>, daysOnAxis: () => number) {
  const store = useGoalsStore()
  const notices = useNoticeStore()
  const drag = ref<Drag | null>(null)
  /** The click a drag's release fires is not a click on the bar. */
  let swallowClick = false

  async function save(goal: Goal, span: GoalSpan) {
    if (span.startDate === goal.startDate && span.targetDate === goal.targetDate) return
    const before = { startDate: goal.startDate, targetDate: goal.targetDate }
    const outcome = await store.update({ goalId: goal.id, ...span })
    if (!outcome.ok) {
      notices.error(outcome.error)
      return
    }
    notices.success(`Moved “${goal.title}”: ${formatDay(span.startDate)} to ${formatDay(span.targetDate)}.`, {
      label: 'Undo',
      run: async () => {
        const back = await store.update({ goalId: goal.id, ...before })
        if (!back.ok) notices.error(back.error)
      },
    })
  }

  function pointerDown(goal: Goal, event: PointerEvent) {
    if (event.button !== 0 || goal.targetDate === null || !(event.currentTarget instanceof HTMLElement)) return
    const bar = event.currentTarget.getBoundingClientRect()
    const width = plot.value?.getBoundingClientRect().width ?? 0
    if (width <= 0) return
    event.currentTarget.setPointerCapture?.(event.pointerId)
    drag.value = {
      goal: { ...goal, targetDate: goal.targetDate },
      edit: editAt(event.clientX - bar.left, bar.width),
      originX: event.clientX,
      pxPerDay: width / Math.max(daysOnAxis(), 1),
      moved: false,
      span: { startDate: goal.startDate, targetDate: goal.targetDate },
    }
  }

  function pointerMove(event: PointerEvent) {
    const d = drag.value
    if (!d) return
    const dx = event.clientX - d.originX
    if (Math.abs(dx) >= dragThreshold) d.moved = true
    if (d.moved) d.span = shiftByDays({ startDate: d.goal.startDate, targetDate: d.goal.targetDate }, d.edit, Math.round(dx / d.pxPerDay))
  }

  async function pointerUp() {
    const d = drag.value
    if (!d) return
    swallowClick = d.moved
    if (!d.moved) {
      drag.value = null
      return
    }
    // The bar stays where it was dropped until the store holds the saved dates.
    await save(d.goal, d.span)
    drag.value = null
  }

  function pointerCancel() {
    drag.value = null
  }

  /** True when the click is a drag's release, to be ignored. */
  function clickWasDrag(): boolean {
    const was = swallowClick
    swallowClick = false
    return was
  }

  async function keyDown(goal: Goal, event: KeyboardEvent) {
    const step = keyEdit(event)
    if (!step || goal.targetDate === null) return
    event.preventDefault()
    await save(goal, shiftByMonths({ startDate: goal.startDate, targetDate: goal.targetDate }, step.edit, step.months))
  }

  return { drag, pointerDown, pointerMove, pointerUp, pointerCancel, clickWasDrag, keyDown }
}
