import { createHmac } from 'node:crypto'
import { interpretAsDocumentId, type BinaryDocumentId, type DocumentId } from '@automerge/automerge-repo/slim'

/**
 * Document ids on the sync server: HMAC-SHA256(room secret, our document id), first 16 bytes,
 * as automerge-repo writes a binary id. Two machines with the same secret agree on every id
 * without asking each other, the server never learns the secret nor which month a document
 * holds, and another room's ids cannot be guessed from ours.
 */
export const indexDocId = 'pathfinder-index'

const isBinaryDocumentId = (bytes: Uint8Array): bytes is BinaryDocumentId => bytes.byteLength === 16

export function serverDocId(roomSecret: string, ourDocId: string): DocumentId {
  const bytes = new Uint8Array(createHmac('sha256', roomSecret).update(`pathfinder-sync-server:${ourDocId}`).digest().subarray(0, 16))
  if (!isBinaryDocumentId(bytes)) throw new Error('an HMAC-SHA256 digest has 32 bytes')
  return interpretAsDocumentId(bytes)
}
