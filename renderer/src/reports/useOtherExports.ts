import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api/client'
import { exportCalendar } from '../calendar/exportCalendar'
import { useNoticeStore } from '../ui/useNoticeStore'
import { receiveFile } from './receiveFile'
import { useReportsStore } from './useReportsStore'

export type OtherFormat = 'json-resume' | 'ics'

/** The composer's exports for other tools, beside the report's own formats. */
export const otherFormats: readonly { format: OtherFormat; label: string; purpose: string }[] = [
  { format: 'json-resume', label: 'JSON Resume', purpose: 'the period’s projects, skills, certificates and posts, for any JSON Resume theme' },
  { format: 'ics', label: 'Calendar (.ics)', purpose: 'every goal and milestone with a due date, whatever the period, for your calendar app' },
]

export const useOtherExports = defineStore('reports-other-exports', () => {
  const reports = useReportsStore()
  const notices = useNoticeStore()
  const exporting = ref<OtherFormat | null>(null)
  const error = ref<string | null>(null)
  /** A résumé is for strangers: private repositories stay out unless ticked here, whatever the report leaves out. */
  const includePrivate = ref(false)

  async function exportResume(delivery: 'save-dialog' | 'download'): Promise<string | null> {
    const options = { ...reports.options, exclude: { ...reports.options.exclude, privateRepositories: !includePrivate.value } }
    const result = await api.resume.export({ options, delivery })
    if (!result.ok) {
      notices.error(result.error)
      return `The JSON Resume export failed: ${result.error.message}`
    }
    receiveFile(result.value)
    return null
  }

  async function exportAs(format: OtherFormat) {
    if (exporting.value !== null || reports.exporting !== null) return
    if (format === 'json-resume' && !reports.valid) return
    exporting.value = format
    error.value = null
    try {
      const canSave = reports.host?.canSaveFile ?? false
      error.value = format === 'ics' ? await exportCalendar(canSave) : await exportResume(canSave ? 'save-dialog' : 'download')
    } finally {
      exporting.value = null
    }
  }

  return { exporting, error, includePrivate, exportAs }
})
