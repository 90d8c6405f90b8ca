import { shallowRef, watch, type ShallowRef } from 'vue'

/**
 * What a select shows while its saves are on their way. Vue writes a bound value back into the
 * element on every redraw, so binding the saved value straight would snap the select back to it
 * mid-way and the next arrow key would start from there again. The person's choice is held until
 * nothing is saving, then the saved value (the core's answer, or the old one if it refused) wins.
 */
export function useHeldChoice<T>(saved: () => T, busy: () => boolean): { shown: ShallowRef<T>; choose: (value: T) => void } {
  const shown = shallowRef(saved())
  watch([saved, busy], ([value, saving]) => {
    if (!saving) shown.value = value
  })
  return { shown, choose: (value) => (shown.value = value) }
}
