import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const tokenFileName = 'web-host-token'

const wellFormed = /^[A-Za-z0-9_-]{32,128}$/

const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined

function readToken(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8').trim()
    return wellFormed.test(text) ? text : null
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null
    throw error
  }
}

/**
 * The web host's token for a data folder, kept in that folder so a restart does not sign
 * out the tabs the person has open. Readable by its owner only (0600): whoever can read it
 * could read the database beside it anyway. `rotate` makes a new one, which signs every
 * open tab out.
 */
export function loadOrCreateToken(dataDir: string, { rotate = false }: { rotate?: boolean } = {}): string {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, tokenFileName)
  const existing = rotate ? null : readToken(file)
  if (existing) {
    // A copy restored from elsewhere may have lost its mode: the token must stay private.
    chmodSync(file, 0o600)
    return existing
  }
  const token = randomBytes(32).toString('base64url')
  const temp = `${file}.${process.pid}.tmp`
  // The mode applies only to a file being created: a leftover temp file must not lend its own.
  rmSync(temp, { force: true })
  writeFileSync(temp, `${token}\n`, { mode: 0o600, flag: 'wx' })
  renameSync(temp, file)
  return token
}
