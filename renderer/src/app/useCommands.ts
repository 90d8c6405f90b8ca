import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useRouter } from 'vue-router'
import { views, type CommandId } from '@shared/domain/commands'
import { api } from '../api/client'
import { useNoticeStore } from '../ui/useNoticeStore'
import { toggleTheme } from '../ui/useTheme'

/**
 * Waits for an element a navigation is about to show, then focuses it. Views load lazily, so
 * it may take a few frames; after two seconds the command gives up quietly.
 */
function focusWhenShown(selector: string): void {
  const until = performance.now() + 2000
  const attempt = () => {
    const element = document.querySelector<HTMLElement>(selector)
    if (element) element.focus()
    else if (performance.now() < until) requestAnimationFrame(attempt)
  }
  requestAnimationFrame(attempt)
}

/** Runs what the command table names, whether a key, the desktop menu or a button asked. */
export const useCommands = defineStore('commands', () => {
  const router = useRouter()
  const notices = useNoticeStore()
  const shortcutsOpen = ref(false)
  const paletteOpen = ref(false)

  async function run(id: CommandId): Promise<void> {
    switch (id) {
      case 'goal.new':
        await router.push({ path: '/goals', query: { new: '1' } })
        return
      case 'activity.log':
        await router.push({ path: '/activities', query: { new: '1' } })
        return
      case 'activity.import':
        await router.push({ path: '/activities', query: { import: '1' } })
        return
      case 'review.write':
        await router.push({ path: '/reviews', query: { write: '' } })
        return
      case 'report.export':
        await router.push('/reports')
        focusWhenShown('.exports button')
        return
      case 'backup.now': {
        const result = await api.backups.create(undefined)
        if (result.ok) notices.success(`Backed up: ${result.value.name}`)
        else notices.error(result.error)
        return
      }
      case 'search.focus':
        if (router.currentRoute.value.name !== 'activities') await router.push('/activities')
        focusWhenShown('input[aria-label="Search activities"]')
        return
      case 'theme.toggle':
        toggleTheme()
        return
      case 'shortcuts.show':
        shortcutsOpen.value = true
        return
      case 'palette.open':
        paletteOpen.value = true
        return
      default:
        await router.push(views.find((view) => `go.${view.name}` === id)?.path ?? '/')
    }
  }

  return { run, shortcutsOpen, paletteOpen }
})
