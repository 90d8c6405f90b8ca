import type { ExportedFile } from '@shared/domain/exportedFile'
import type { ReportDelivery } from '@shared/domain/report'
import { DomainError } from '../ipc/domainError'
import type { HostServices } from './hostServices'

/** Refuses a save-dialog delivery the host cannot make, before anything is built or stored. */
export function assertCanDeliver(host: HostServices, delivery: ReportDelivery): void {
  if (delivery === 'save-dialog' && !host.saveFile) throw new DomainError('unavailable', 'This window has no save dialog; download the file instead.')
}

/** A text file to the person: written where they choose in the desktop app, or handed back for a browser download. */
export async function deliverText(host: HostServices, delivery: ReportDelivery, file: { fileName: string; mimeType: string; text: string }): Promise<ExportedFile> {
  const { fileName, mimeType } = file
  if (delivery === 'download') return { fileName, mimeType, savedTo: null, cancelled: false, download: { encoding: 'utf8', content: file.text } }
  assertCanDeliver(host, delivery)
  const savedTo = (await host.saveFile?.(fileName, Buffer.from(file.text, 'utf8'))) ?? null
  return { fileName, mimeType, savedTo, cancelled: savedTo === null, download: null }
}
