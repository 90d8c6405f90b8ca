import * as Automerge from '@automerge/automerge/slim'
import { automergeWasmBase64 } from '@automerge/automerge/automerge.wasm.base64'

/**
 * Automerge's WebAssembly, from the copy inlined in its package: the built app bundles its
 * code, and the package's default Node entry reads the .wasm file beside itself, which is not
 * there in out/ nor in the packed app. Only the sync engine imports this, and sync loads the
 * engine on demand, so a store that never syncs never compiles it.
 */
let ready: Promise<void> | null = null

export async function automerge(): Promise<typeof Automerge> {
  // Decoded natively: the package's initializeBase64Wasm maps atob's string through
  // Uint8Array.from one character at a time, about 130 MB of RSS the host never gives back.
  ready ??= Automerge.initializeWasm(Buffer.from(automergeWasmBase64, 'base64'))
  await ready
  return Automerge
}

export { Automerge }
