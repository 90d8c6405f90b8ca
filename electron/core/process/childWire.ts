import type { FromCore, Wire } from './messages'

/** The part of Electron's process.parentPort (a utility process's) the protocol uses. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  postMessage(message: unknown): void
}

const isParentPort = (value: unknown): value is ParentPort =>
  typeof value === 'object' && value !== null && 'postMessage' in value && typeof value.postMessage === 'function' && 'on' in value && typeof value.on === 'function'

/**
 * The child's end of the wire: Electron's parentPort in a utility process, else Node's IPC
 * channel (a child_process.fork with advanced serialization, in tests and the benchmark).
 * Read off `process` by name, so core never needs Electron's types.
 */
export function childWire(): Wire<FromCore> & { onParentGone(listener: () => void): void; end(): void } {
  const parentPort: unknown = Reflect.get(process, 'parentPort')
  if (isParentPort(parentPort)) {
    return {
      post: (message) => parentPort.postMessage(message),
      onMessage: (listener) => void parentPort.on('message', (event) => listener(event.data)),
      // Electron ends a utility process with the app; there is no channel to watch.
      onParentGone: () => {},
      // Main ends the process once it reads 'closed'.
      end: () => {},
    }
  }
  const send = process.send?.bind(process)
  if (!send) throw new Error('The core process was started without a channel to its parent.')
  return {
    // After the parent is gone, a send would only raise an 'error' nobody listens to.
    post: (message) => {
      if (process.connected) send(message)
    },
    onMessage: (listener) => void process.on('message', (message) => listener(message)),
    onParentGone: (listener) => void process.once('disconnect', listener),
    // With the channel gone and the store closed, nothing keeps the process: it exits on its own.
    end: () => {
      if (process.connected) process.disconnect()
    },
  }
}
