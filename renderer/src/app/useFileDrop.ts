import { onBeforeUnmount, onMounted, ref } from 'vue'
import { useRouter } from 'vue-router'
import { useNoticeStore } from '../ui/useNoticeStore'
import { droppedKind, useDroppedFile } from './useDroppedFile'

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') === true

/**
 * A CSV file or a Pathfinder export dropped anywhere on the window opens the import that reads
 * it, with its preview: the same as choosing it there. In both hosts; the desktop window never
 * navigates to a dropped file (navigateOnDragDrop is off), so the page decides.
 */
export function useFileDrop() {
  const router = useRouter()
  const notices = useNoticeStore()
  const dropped = useDroppedFile()
  const dragging = ref(false)
  let depth = 0

  const onDragEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    depth += 1
    dragging.value = true
  }
  const onDragLeave = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  }
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  }
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth = 0
    dragging.value = false
    const files = [...(event.dataTransfer?.files ?? [])]
    const [file] = files
    if (!file) return
    if (files.length > 1) return void notices.push({ tone: 'error', message: 'Drop one file at a time: a CSV file of activities, or a Pathfinder export.' })
    const kind = droppedKind(file)
    if (!kind) return void notices.push({ tone: 'error', message: `Pathfinder imports CSV files and its own JSON exports; ${file.name} is neither. Nothing was imported.` })
    dropped.pending = { kind, file }
    void router.push(kind === 'csv' ? { path: '/activities', query: { import: '1' } } : { path: '/settings' })
  }

  onMounted(() => {
    window.addEventListener('dragenter', onDragEnter)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('dragenter', onDragEnter)
    window.removeEventListener('dragleave', onDragLeave)
    window.removeEventListener('dragover', onDragOver)
    window.removeEventListener('drop', onDrop)
  })
  return { dragging }
}
