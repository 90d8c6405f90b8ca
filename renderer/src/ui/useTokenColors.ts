import { nextTick, onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue'
import { useTheme } from './useTheme'

/**
 * Design tokens as concrete colours (`colors.value('--heat-1')`), for drawing code (charts) that cannot use CSS variables.
 * A token's custom property holds `light-dark(...)`, which getComputedStyle returns unresolved;
 * set as a probe's `color`, the browser resolves it for the page's current colour scheme.
 * Read again when the theme or the OS scheme changes, so charts follow dark mode.
 */
export function useTokenColors<Name extends string>(names: readonly Name[], fallback = '#8a92a3'): Readonly<Ref<(name: Name) => string>> {
  const read = (): ((name: Name) => string) => {
    const entries = new Map<Name, string>()
    const probe = document.createElement('span')
    probe.style.display = 'none'
    document.body.append(probe)
    for (const name of names) {
      probe.style.color = `var(${name})`
      const value = getComputedStyle(probe).color
      entries.set(name, /^(rgb|#|hsl|oklch|color\()/.test(value) ? value : fallback)
    }
    probe.remove()
    return (name) => entries.get(name) ?? fallback
  }

  const colors = shallowRef(read())
  const refresh = () => void nextTick(() => (colors.value = read()))

  watch(useTheme(), refresh)
  const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
  onMounted(() => media?.addEventListener('change', refresh))
  onBeforeUnmount(() => media?.removeEventListener('change', refresh))
  return colors
}
