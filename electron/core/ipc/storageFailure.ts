/**
 * Failures of the disk rather than of the app: a full disk, or a folder that cannot be
 * written (read-only drive or mount, missing permission). They reach us as SQLite result
 * codes or as Node's errno codes, and what the person can do about them is the same either
 * way, so both are told in the same words.
 */
export type StorageProblem = 'disk-full' | 'read-only'

const codeOf = (error: unknown): string => (error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '')

export function storageProblem(error: unknown): StorageProblem | null {
  const code = codeOf(error)
  if (/^SQLITE_FULL/.test(code) || code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full'
  if (/^SQLITE_READONLY/.test(code) || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only'
  return null
}

/** The file an fs error names, when it names one (SQLite's do not). */
export const failedPath = (error: unknown): string | null =>
  error instanceof Error && 'path' in error && typeof error.path === 'string' ? error.path : null

/**
 * `where` names the place ("its data folder /x"), `outcome` what did not happen ("nothing was
 * saved"), `retry` what to do once the disk is fixed ("try again").
 */
export function storageFailureMessage(problem: StorageProblem, where: string, outcome: string, retry = 'try again'): string {
  if (problem === 'disk-full') return `The disk that holds ${where} is full, so ${outcome}. Free some space on that disk, then ${retry}.`
  return `Pathfinder cannot write to ${where} (it is read-only, or you do not have permission to change it), so ${outcome}. Make it writable, or move Pathfinder's data to a folder you can write to, then ${retry}.`
}
