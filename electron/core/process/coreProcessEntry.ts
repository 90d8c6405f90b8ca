import { childWire } from './childWire'
import { serveCore } from './serveCore'

/**
 * The core's process (out/main/coreProcess.js): Electron's utility process in the app, a Node
 * child in tests and the benchmark. It does nothing until main sends 'open'.
 */
const wire = childWire()
const served = serveCore(wire)
void served.closed.then(() => wire.end())
// A parent gone without closing us (killed, crashed): close the store and let go of its lock.
wire.onParentGone(() => void served.close().finally(() => process.exit(0)))
