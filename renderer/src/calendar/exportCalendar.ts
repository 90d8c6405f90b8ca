import type { Result } from '@shared/contract'
import { hostTimeZone } from '@shared/contract/reports'
import type { ExportedFile } from '@shared/domain/exportedFile'
import { api } from '../api/client'
import { receiveFile } from '../reports/receiveFile'
import { useNoticeStore } from '../ui/useNoticeStore'

/**
 * Every goal and milestone with a due date as an .ics file, saved (desktop) or downloaded
 * (browser). Null when done, else the failure in words, already shown as a notice.
 */
export async function exportCalendar(canSaveFile: boolean): Promise<string | null> {
  const result: Result<ExportedFile> = await api.calendar.export({ timeZone: hostTimeZone(), delivery: canSaveFile ? 'save-dialog' : 'download' })
  if (!result.ok) {
    useNoticeStore().error(result.error)
    return `The calendar export failed: ${result.error.message}`
  }
  receiveFile(result.value)
  return null
}
