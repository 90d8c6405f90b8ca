import { ref, watchEffect } from 'vue'

export type ThemeChoice = 'system' | 'light' | 'dark'
const storageKey = 'pathfinder.theme'
const isChoice = (value: string | null): value is ThemeChoice => value === 'system' || value === 'light' || value === 'dark'

const stored = localStorage.getItem(storageKey)
const theme = ref<ThemeChoice>(isChoice(stored) ? stored : 'system')

watchEffect(() => {
  if (theme.value === 'system') document.documentElement.removeAttribute('data-theme')
  else document.documentElement.setAttribute('data-theme', theme.value)
  localStorage.setItem(storageKey, theme.value)
})

/** The user's theme: follows the OS unless they chose light or dark. */
export function useTheme() {
  return theme
}
