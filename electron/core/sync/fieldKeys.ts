import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { DocHandle } from './docHandles'

/**
 * Every row field is its own key at the document's root, `["goal", key, "title"]`: two
 * machines that change different fields of one row (or both create the same skill's state)
 * never touch the same key, so both changes survive. `_del` marks a deleted row and `_rev`
 * takes a fresh token on every write, "d:" for a deletion and "e:" for an edit: when the two
 * meet concurrently, `_rev` holds both, which is how a deletion against an edit is seen.
 */
export const fieldKey = (tbl: string, rowKey: string, field: string): string => JSON.stringify([tbl, rowKey, field])

const parsedKey = z.tuple([z.string().min(1).max(64), z.string().min(1).max(2000), z.string().min(1).max(64)])

export function parseFieldKey(key: string): { tbl: string; rowKey: string; field: string } | undefined {
  try {
    const parsed = parsedKey.safeParse(JSON.parse(key))
    return parsed.success ? { tbl: parsed.data[0], rowKey: parsed.data[1], field: parsed.data[2] } : undefined
  } catch {
    return undefined
  }
}

/** Every row a document has written (each has a `_rev`), deleted ones included; keys that do not parse are skipped. */
export function* writtenRows(handle: DocHandle): Generator<{ tbl: string; rowKey: string }> {
  for (const key of handle.keys('_root')) {
    // Most keys are fields; only `_rev` names a row, and is told apart before parsing.
    if (!key.endsWith(',"_rev"]')) continue
    const at = parseFieldKey(key)
    if (at) yield { tbl: at.tbl, rowKey: at.rowKey }
  }
}

// randomUUID draws from a pool Node refills in bulk; randomBytes per row was 15% of turning sync on.
// A v4 UUID's first 12 hex digits are all random: the same 48 bits as before.
export const revToken = (kind: 'e' | 'd'): string => `${kind}:${randomUUID().replaceAll('-', '').slice(0, 12)}`

/** Marks a row deleted (`token`: the one its deleting parent's tombstone has); false when the document already holds it as deleted. */
export function tombstone(handle: DocHandle, tbl: string, key: string, token: string = revToken('d')): boolean {
  if (handle.get('_root', fieldKey(tbl, key, '_del')) === true) return false
  handle.put('_root', fieldKey(tbl, key, '_del'), true)
  handle.put('_root', fieldKey(tbl, key, '_rev'), token)
  return true
}
