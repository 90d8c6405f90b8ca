import type { ImportFile } from '@shared/contract/fields'
import { doneWithImportFile, readImportBytes } from '../../host/importFiles'
import { DomainError } from '../../ipc/domainError'
import { fetchDocument, type FetchOptions } from './fetchLimited'

/** Where a document to import is: a web address, a file the core reads, or text in the call. */
export type DocumentSource = { url: string } | { file: ImportFile } | { text: string }

export interface ReadDocument {
  dataDir: string
  what: string
  maxBytes: number
  accept?: string
  signal?: AbortSignal | undefined
  fetch?: FetchOptions['fetch']
}

/** The document's bytes and the address it came from (for resolving its relative links), or a refusal in words. */
export async function readDocument(source: DocumentSource, options: ReadDocument): Promise<{ bytes: Buffer; url: string | null }> {
  if ('url' in source) {
    const answer = await fetchDocument(source.url, { what: options.what, accept: options.accept, signal: options.signal, limits: { maxBytes: options.maxBytes }, ...(options.fetch ? { fetch: options.fetch } : {}) })
    if (answer.bytes.length === 0) throw new DomainError('invalid-input', `${answer.url.host} sent an empty ${options.what}. Nothing was imported.`)
    return { bytes: answer.bytes, url: answer.url.href }
  }
  if ('file' in source) return { bytes: await readImportBytes(options.dataDir, source.file, options.maxBytes), url: null }
  const bytes = Buffer.from(source.text, 'utf8')
  if (bytes.length > options.maxBytes) throw new DomainError('invalid-input', `That ${options.what} is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB, more than this import reads. Nothing was imported.`)
  return { bytes, url: null }
}

/** An uploaded file is removed once imported; a picked path or an address is left as it is. */
export async function doneWithDocument(dataDir: string, source: DocumentSource): Promise<void> {
  if ('file' in source) await doneWithImportFile(dataDir, source.file)
}

/** UTF-8 text of a document, its byte-order mark dropped. */
export const documentText = (bytes: Buffer): string => bytes.toString('utf8').replace(/^\uFEFF/, '')
