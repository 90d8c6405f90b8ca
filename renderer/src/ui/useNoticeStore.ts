import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppError } from '@shared/contract'

export interface Notice {
  id: number
  tone: 'info' | 'success' | 'error'
  message: string
  /** An action offered with the notice, e.g. Undo. */
  action?: { label: string; run: () => void | Promise<void> }
}

/** Transient messages, read out by screen readers through the live region that shows them. */
export const useNoticeStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  let nextId = 1

  function dismiss(id: number) {
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  function push(notice: Omit<Notice, 'id'>, timeoutMs = notice.tone === 'error' ? 8000 : 5000) {
    const id = nextId++
    notices.value = [...notices.value.slice(-3), { ...notice, id }]
    setTimeout(() => dismiss(id), timeoutMs)
    return id
  }

  const error = (error: AppError) => push({ tone: 'error', message: error.message })
  const success = (message: string, action?: Notice['action']) => push(action ? { tone: 'success', message, action } : { tone: 'success', message })

  return { notices, push, dismiss, error, success }
})
