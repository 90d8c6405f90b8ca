import { createRotatingLog } from '../log/rotatingLog'
import { childWire } from './childWire'
import { serveCore } from './serveCore'

/**
 * The core's process (out/main/coreProcess.js): Electron's utility process in the app, a Node
 * child in tests and the benchmark. It does nothing until main sends 'open'.
 */
const wire = childWire()
// In the app, main names the log folder: errors of a packaged app reach a file, not a terminal.
const [logDir] = process.argv.slice(2)
const log = logDir ? createRotatingLog({ dir: logDir, echo: console }) : console
process.on('uncaughtException', (error) => log.error('Uncaught error in the core process:', error))
const served = serveCore(wire, log)
void served.closed.then(() => wire.end())
// A parent gone without closing us (killed, crashed): close the store and let go of its lock.
wire.onParentGone(() => void served.close().finally(() => process.exit(0)))
