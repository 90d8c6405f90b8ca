import type { ExportedReport } from '@shared/domain/report'

type DownloadBody = NonNullable<ExportedReport['download']>

/** The export's bytes as a Blob: text as it is, a PDF decoded from base64. */
export function exportBlob(body: DownloadBody, mimeType: string): Blob {
  if (body.encoding === 'utf8') return new Blob([body.content], { type: mimeType })
  const binary = atob(body.content)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type: mimeType })
}

/** Hands a file to the browser's own download, as a link with `download` would. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The browser reads the blob after the click returns; revoking at once can cancel a large download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
