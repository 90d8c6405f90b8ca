import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { readFile, rm, stat } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import type { ImportFile } from '@shared/contract/fields'
import { maxImportFileBytes } from '@shared/contract/transport'
import { DomainError } from '../ipc/domainError'

/**
 * Files to import, read from disk by the core: a path picked in the desktop app, or a file
 * the web host's upload route streamed into the data folder. Either way the file never
 * travels as one JSON body, so an export of any size the app writes imports back.
 */
export const uploadsFolder = (dataDir: string): string => join(dataDir, 'uploads')

const uploadFile = (dataDir: string, id: string): string => join(uploadsFolder(dataDir), `${id}.upload`)

/** A fresh upload's id and the paths to stream it to, then rename it to once complete. */
export function newUpload(dataDir: string): { id: string; partial: string; complete: string } {
  mkdirSync(uploadsFolder(dataDir), { recursive: true })
  const id = randomBytes(18).toString('base64url')
  const complete = uploadFile(dataDir, id)
  return { id, partial: `${complete}.part`, complete }
}

/** Uploads older than `age` (all of them by default): left behind by a closed tab or a crash. */
export function removeUploads(dataDir: string, now: Date, age = 0): void {
  let names: string[]
  try {
    names = readdirSync(uploadsFolder(dataDir))
  } catch {
    return
  }
  for (const name of names) {
    const file = join(uploadsFolder(dataDir), name)
    try {
      if (now.getTime() - statSync(file).mtimeMs >= age) rmSync(file, { force: true })
    } catch {
      // Gone already, or in use elsewhere: the next sweep takes it.
    }
  }
}

const refuse = (message: string): DomainError => new DomainError('invalid-input', `${message} Nothing was imported.`, [{ path: 'file', message }])

const where = (dataDir: string, file: ImportFile): string => ('path' in file ? file.path : uploadFile(dataDir, file.upload))

/** The file's text (UTF-8, a byte-order mark kept for the reader to drop), or a refusal in words. */
export async function readImportFile(dataDir: string, file: ImportFile): Promise<string> {
  return (await readImportBytes(dataDir, file)).toString('utf8')
}

/** The file's bytes (an image with a badge baked in is not text), at most `maxBytes`, or a refusal in words. */
export async function readImportBytes(dataDir: string, file: ImportFile, maxBytes = maxImportFileBytes): Promise<Buffer> {
  if ('path' in file && !isAbsolute(file.path)) throw refuse('Pick the file again: its path is not a full path.')
  const path = where(dataDir, file)
  const info = await stat(path).catch(() => null)
  if (!info) throw refuse('path' in file ? `There is no file at ${file.path.slice(0, 300)}.` : 'The uploaded file is gone (the host was restarted, or it was imported already); choose it again.')
  if (!info.isFile()) throw refuse(`${path.slice(0, 300)} is a folder, not a file.`)
  if (info.size === 0) throw refuse('The file is empty.')
  if (info.size > maxBytes) throw refuse(`The file is ${Math.round((info.size / 1024 / 1024) * 10) / 10} MB; the most this import reads is ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB.`)
  try {
    return await readFile(path)
  } catch (error) {
    throw refuse(`The file could not be read (${error instanceof Error ? error.message : String(error)}).`)
  }
}

/** An upload is read once it has been imported; a path the person picked is theirs and stays. */
export async function doneWithImportFile(dataDir: string, file: ImportFile): Promise<void> {
  if ('upload' in file) await rm(uploadFile(dataDir, file.upload), { force: true })
}
