import { z } from 'zod'
import type { Result } from '@shared/contract'
import { secretStorages } from '@shared/domain/host'
import { storeOpenErrorCodes } from '../store/storeOpenError'

/**
 * The plain messages between main and the core's process. Both directions carry only what
 * structured clone carries (Electron's MessagePortMain and Node's advanced-serialization IPC
 * alike), and every message is parsed on arrival: a process is a trust boundary like any other.
 *
 * Main -> core: open the store, call a channel, answer a host request, close.
 * Core -> main: started (listening), ready, open-failed, a call's result, a host request, closed.
 */

const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean'

const bytes = z.instanceof(Uint8Array)

/** What the host offers, so the core can answer host.info and hide what is not there. */
export const hostOffer = z.strictObject({
  kind: z.enum(['desktop', 'browser']),
  secretStorage: z.enum(secretStorages),
  canPickFolder: z.boolean(),
  canPrintPdf: z.boolean(),
  canSaveFile: z.boolean(),
})
export type HostOffer = z.infer<typeof hostOffer>

/** A StoreOpenError as data: everything main needs to ask the person how to recover. */
export const storeOpenFailure = z.strictObject({
  code: z.enum(storeOpenErrorCodes),
  message: z.string(),
  dataDir: z.string(),
  file: z.string(),
  movedTo: z.string().nullable(),
  newestBackup: z.string().nullable(),
  lockedBy: z.strictObject({ pid: z.number(), host: z.string(), startedAt: z.string() }).nullable(),
})
export type StoreOpenFailure = z.infer<typeof storeOpenFailure>

/** ReportPdfOptions, checked: main hands them to printToPDF as they are. */
const reportPdfOptions = z.strictObject({
  pageSize: z.enum(['A4', 'Letter']),
  landscape: z.literal(false),
  printBackground: z.literal(true),
  preferCSSPageSize: z.literal(false),
  displayHeaderFooter: z.literal(true),
  margins: z.strictObject({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }),
  headerTemplate: z.string(),
  footerTemplate: z.string(),
  generateTaggedPDF: z.literal(true),
  generateDocumentOutline: z.literal(true),
})

/** What the core asks main for: what only the host process may do, and the person's choice on a bad store. */
export const hostRequest = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('pickFolder') }),
  z.strictObject({ op: z.literal('printPdf'), html: z.string(), options: reportPdfOptions }),
  z.strictObject({ op: z.literal('saveFile'), suggestedName: z.string(), data: bytes }),
  z.strictObject({ op: z.literal('secretGet'), name: z.string() }),
  z.strictObject({ op: z.literal('secretSet'), name: z.string(), value: z.string() }),
  z.strictObject({ op: z.literal('secretDelete'), name: z.string() }),
  z.strictObject({ op: z.literal('recover'), failure: storeOpenFailure }),
])
export type HostRequest = z.infer<typeof hostRequest>

export const openOptions = z.strictObject({ dataDir: z.string(), contentDir: z.string(), host: hostOffer })
export type OpenOptions = z.infer<typeof openOptions>

export const toCore = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('open'), options: openOptions }),
  z.strictObject({ type: z.literal('call'), id: z.number(), channel: z.string(), input: z.unknown() }),
  z.strictObject({
    type: z.literal('host-result'),
    id: z.number(),
    answer: z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), value: z.unknown() }), z.strictObject({ ok: z.literal(false), message: z.string() })]),
  }),
  z.strictObject({ type: z.literal('close') }),
])
export type ToCore = z.infer<typeof toCore>

export const fromCore = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('started') }),
  z.strictObject({ type: z.literal('ready'), channels: z.array(z.string()) }),
  /** The store could not be opened: a StoreOpenError's fields, or (failure null) only words for anything else. */
  z.strictObject({ type: z.literal('open-failed'), failure: storeOpenFailure.nullable(), message: z.string() }),
  /** Asked how to recover, the person chose to quit. */
  z.strictObject({ type: z.literal('declined') }),
  z.strictObject({ type: z.literal('result'), id: z.number(), result: z.custom<Result<unknown>>(isResult) }),
  z.strictObject({ type: z.literal('host'), id: z.number(), request: hostRequest }),
  z.strictObject({ type: z.literal('closed') }),
])
export type FromCore = z.infer<typeof fromCore>

/** One end of the wire as the protocol sees it; adapters wrap Electron's and Node's. */
export interface Wire<Out> {
  post(message: Out): void
  onMessage(listener: (message: unknown) => void): void
}
