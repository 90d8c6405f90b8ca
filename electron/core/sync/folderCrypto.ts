import { randomBytes, scrypt } from 'node:crypto'
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js'
import { z } from 'zod'

/**
 * What lands in the folder is ciphertext: XChaCha20-Poly1305 under a key derived from the
 * passphrase with scrypt (memory-hard; @noble's argon2id in plain JS is several times slower
 * for the same memory). The folder's `pathfinder-sync.json` holds the salt, the cost and a
 * check sealed under the key, so a wrong passphrase is refused before any file is merged.
 * Every file is sealed with its own name as associated data: a file renamed or moved to
 * another device's folder does not open.
 */
const magic = Buffer.from('PFS1')
const nonceLength = 24
const tagLength = 16
const checkText = 'pathfinder-sync-key-check'

export const folderHeaderName = 'pathfinder-sync.json'

const kdfParams = z.strictObject({
  name: z.literal('scrypt'),
  // Bounds keep a hostile header from asking for a key that takes an hour or a gigabyte.
  logN: z.number().int().min(10).max(20),
  r: z.number().int().min(1).max(16),
  p: z.number().int().min(1).max(4),
  salt: z.base64().min(16).max(128),
})
export type KdfParams = z.infer<typeof kdfParams>

export const folderHeader = z.strictObject({
  format: z.literal('pathfinder-sync'),
  version: z.literal(1),
  kdf: kdfParams,
  check: z.base64().max(512),
})
export type FolderHeader = z.infer<typeof folderHeader>

/** scrypt N = 2^16, r = 8: 64 MiB and a fraction of a second per derivation on a laptop. */
export const defaultCost = { logN: 16, r: 8, p: 1 } as const

/**
 * scrypt (RFC 7914) from Node's OpenSSL, off the main thread. Its 64 MiB are allocated and freed
 * natively as soon as the key is out; in JS (@noble/hashes, used before: the same keys) they were
 * garbage the collector had not yet taken when a first sync loaded the plan document, and the
 * host's peak held both (npm run bench). `maxmem` is what the header's cost needs (OpenSSL's
 * count: 128·r bytes per block, N + 2 blocks, p more); the header's bounds are the fence.
 */
export function deriveKey(passphrase: string, kdf: KdfParams): Promise<Uint8Array> {
  const N = 2 ** kdf.logN
  const maxmem = 128 * kdf.r * (N + 2 + kdf.p) + 2 ** 20
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), Buffer.from(kdf.salt, 'base64'), 32, { N, r: kdf.r, p: kdf.p, maxmem }, (error, key) => (error ? reject(error) : resolve(new Uint8Array(key))))
  })
}

export function seal(key: Uint8Array, plain: Uint8Array, name: string): Buffer {
  const nonce = randomBytes(nonceLength)
  const sealed = xchacha20poly1305(key, nonce, Buffer.from(name)).encrypt(plain)
  return Buffer.concat([magic, nonce, sealed])
}

/** The plaintext, or undefined for anything that is not a whole file sealed under this key and name. */
export function open(key: Uint8Array, file: Uint8Array, name: string): Uint8Array | undefined {
  if (file.byteLength < magic.length + nonceLength + tagLength || !Buffer.from(file.subarray(0, magic.length)).equals(magic)) return undefined
  try {
    return xchacha20poly1305(key, file.subarray(magic.length, magic.length + nonceLength), Buffer.from(name)).decrypt(file.subarray(magic.length + nonceLength))
  } catch {
    return undefined
  }
}

export async function newHeader(passphrase: string, cost: { logN: number; r: number; p: number } = defaultCost): Promise<{ header: FolderHeader; key: Uint8Array }> {
  const kdf: KdfParams = { name: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') }
  const key = await deriveKey(passphrase, kdf)
  return { key, header: { format: 'pathfinder-sync', version: 1, kdf, check: seal(key, Buffer.from(checkText), folderHeaderName).toString('base64') } }
}

/** The key when the passphrase is the folder's, else undefined. */
export async function unlock(header: FolderHeader, passphrase: string): Promise<Uint8Array | undefined> {
  const key = await deriveKey(passphrase, header.kdf)
  const check = open(key, Buffer.from(header.check, 'base64'), folderHeaderName)
  return check && Buffer.from(check).toString() === checkText ? key : undefined
}
