import { createWriteStream, renameSync, rmSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fail, ok, type Result } from '@shared/contract'
import { maxImportFileBytes } from '@shared/contract/transport'
import { newUpload, removeUploads } from '../core/host/importFiles'
import { storageFailureMessage, storageProblem } from '../core/ipc/storageFailure'

class UploadTooLarge extends Error {}

const tooLarge = (): Result<never> =>
  fail('invalid-input', `That file is larger than ${maxImportFileBytes / 1024 / 1024} MB, more than any import reads. Nothing was imported.`)

/** Uploads a closed tab never imported are swept after a day, when the next one arrives. */
const keepUnclaimed = 24 * 60 * 60 * 1000

/**
 * The web host's way in for a file to import: the request body, as raw bytes, streamed to a
 * file in the data folder (never held in memory, counted as it comes so an endless body is
 * cut off at the cap). The answer names the upload; the import call then passes that name
 * and the core reads the file from disk.
 */
export async function receiveUpload(req: IncomingMessage, dataDir: string, now: Date): Promise<{ status: number; body: Result<{ upload: string }> }> {
  if (Number(req.headers['content-length'] ?? 0) > maxImportFileBytes) return { status: 413, body: tooLarge() }
  removeUploads(dataDir, now, keepUnclaimed)
  const { id, partial, complete } = newUpload(dataDir)
  let size = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      done(size > maxImportFileBytes ? new UploadTooLarge() : null, chunk)
    },
  })
  try {
    await pipeline(req, counter, createWriteStream(partial, { flags: 'wx' }))
    if (size === 0) {
      rmSync(partial, { force: true })
      return { status: 400, body: fail('invalid-input', 'The file is empty. Nothing was imported.') }
    }
    renameSync(partial, complete)
    return { status: 200, body: ok({ upload: id }) }
  } catch (error) {
    rmSync(partial, { force: true })
    if (error instanceof UploadTooLarge) return { status: 413, body: tooLarge() }
    const problem = storageProblem(error)
    if (problem) return { status: 507, body: fail('unavailable', storageFailureMessage(problem, `the data folder ${dataDir}`, 'the file was not received')) }
    throw error
  }
}
