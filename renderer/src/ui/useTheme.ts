import { ref, watchEffect } from 'vue'
import { themeChoice, type ThemeChoice } from '@shared/contract/desktop'

export type { ThemeChoice }
const storageKey = 'pathfinder.theme'

const stored = themeChoice.safeParse(localStorage.getItem(storageKey))
const theme = ref<ThemeChoice>(stored.success ? stored.data : 'system')

watchEffect(() => {
  if (theme.value === 'system') document.documentElement.removeAttribute('data-theme')
  else document.documentElement.setAttribute('data-theme', theme.value)
  localStorage.setItem(storageKey, theme.value)
  // The desktop window paints its background and native parts (scrollbars, menus) to match.
  window.desktop?.setTheme(theme.value)
})

/** Light and dark in turn, from whatever is showing now (the OS's choice under 'system'). */
export function toggleTheme(): void {
  const dark = theme.value === 'dark' || (theme.value === 'system' && matchMedia('(prefers-color-scheme: dark)').matches)
  theme.value = dark ? 'light' : 'dark'
}

/** The user's theme: follows the OS unless they chose light or dark. */
export function useTheme() {
  return theme
}
