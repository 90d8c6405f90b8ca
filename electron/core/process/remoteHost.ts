import type { ReportPdfOptions } from '@shared/domain/report'
import type { HostServices } from '../host/hostServices'
import type { HostOffer, HostRequest } from './messages'

/** Sends a request to main and settles with its answer. */
export type AskHost = (request: HostRequest) => Promise<unknown>

const text = (value: unknown, op: string): string => {
  if (typeof value !== 'string') throw new Error(`The host answered ${op} without text.`)
  return value
}
// Uint8Array copies (new Uint8Array(buffer)) on the wire: structured clone sends a view's whole
// backing store, and a small Buffer's is Node's shared 8 KiB pool.
const textOrNull = (value: unknown, op: string): string | null => (value === null ? null : text(value, op))

/**
 * The core's HostServices in its own process: each service is a request to main, which owns
 * the dialogs, the keychain and the printer. Only what main offered is there.
 */
export function remoteHost(offer: HostOffer, ask: AskHost): HostServices {
  return {
    kind: offer.kind,
    secrets: {
      storage: offer.secretStorage,
      get: async (name) => {
        const value = await ask({ op: 'secretGet', name })
        return value === undefined || value === null ? undefined : text(value, 'secretGet')
      },
      set: async (name, value) => void (await ask({ op: 'secretSet', name, value })),
      delete: async (name) => void (await ask({ op: 'secretDelete', name })),
    },
    ...(offer.canPickFolder ? { pickFolder: async () => textOrNull(await ask({ op: 'pickFolder' }), 'pickFolder') } : {}),
    ...(offer.canPrintPdf
      ? {
          printPdf: async (html: string, options: ReportPdfOptions) => {
            const pdf = await ask({ op: 'printPdf', html, options })
            if (!(pdf instanceof Uint8Array)) throw new Error('The host answered printPdf without a PDF.')
            return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
          },
        }
      : {}),
    ...(offer.canSaveFile ? { saveFile: async (suggestedName: string, data: Buffer) => textOrNull(await ask({ op: 'saveFile', suggestedName, data: new Uint8Array(data) }), 'saveFile') } : {}),
  }
}
