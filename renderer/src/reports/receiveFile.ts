import type { ExportedFile } from '@shared/domain/exportedFile'
import { useNoticeStore } from '../ui/useNoticeStore'
import { downloadBlob, exportBlob } from './download'

/** The person gets the file: the browser downloads it, or the desktop says where it was saved. Cancelled: nothing. */
export function receiveFile(done: ExportedFile): void {
  const notices = useNoticeStore()
  if (done.cancelled) return
  if (done.download) {
    downloadBlob(done.fileName, exportBlob(done.download, done.mimeType))
    notices.success(`Downloaded ${done.fileName}.`)
  } else if (done.savedTo) notices.success(`Saved to ${done.savedTo}`)
}
