import { onBeforeUnmount, onMounted } from 'vue'
import { commandForKey } from '@shared/domain/commands'
import { useCommands } from './useCommands'

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** A field takes characters: '/' and '?' are typed there, not run. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
}

/**
 * The app's keyboard shortcuts, from the command table, in both hosts; the desktop menu shows
 * the same keys and sends its clicks here too. While a dialog is open, keys belong to it.
 */
export function useShortcuts(): void {
  const commands = useCommands()
  const mac = isMac()

  const onKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open]')) return
    const id = commandForKey(event, { mac, typing: isTyping(event.target) })
    if (!id) return
    event.preventDefault()
    void commands.run(id)
  }

  let stopMenu: (() => void) | undefined
  onMounted(() => {
    window.addEventListener('keydown', onKeydown)
    stopMenu = window.desktop?.onCommand((id) => void commands.run(id))
  })
  onBeforeUnmount(() => {
    window.removeEventListener('keydown', onKeydown)
    stopMenu?.()
  })
}

export { isMac }
