import { fail, type Result } from '@shared/contract'
import type { ImportFile } from '@shared/contract/fields'
import { uploadFile } from './client'

/** A file the person chose to import: from the browser's picker, or a path from the desktop's. */
export type PickedFile = Blob | { path: string }

/** How an import call carries a picked file: as a file the core reads, or (small hosts only) as text. */
export type FileForCall = { file: ImportFile } | { text: string }

/**
 * What an import call takes for a picked file: the desktop's path as it is, a browser file
 * streamed to the web host first, so its size is never bound by what one call may carry.
 * A window with the preload but neither a native picker nor an upload route (the component
 * tests' host) sends the text, which the contract bounds at 50 MB.
 */
export async function fileForCall(picked: PickedFile): Promise<Result<FileForCall>> {
  if (!(picked instanceof Blob)) return { ok: true, value: { file: { path: picked.path } } }
  // The desktop app reads a dropped or chosen file where it is, whatever its size.
  const onDisk = picked instanceof File ? window.desktop?.pathOfFile(picked) : undefined
  if (onDisk) return { ok: true, value: { file: { path: onDisk } } }
  if (uploadFile) {
    const uploaded = await uploadFile(picked)
    return uploaded.ok ? { ok: true, value: { file: uploaded.value } } : uploaded
  }
  try {
    return { ok: true, value: { text: await picked.text() } }
  } catch {
    return fail('invalid-input', 'The file could not be read; choose it again.')
  }
}

/** The last part of a path, for showing which file was picked. */
export const fileNameOf = (path: string): string => path.split(/[\\/]/).filter(Boolean).at(-1) ?? path
