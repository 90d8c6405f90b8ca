import { utilityProcess } from 'electron'
import type { SpawnCore } from '../core/process/coreChild'
import { coreEnv, coreExecArgv } from '../core/process/coreRuntime'

/**
 * The core's process in the app: an Electron utility process, so SQL, reports and backups
 * never run on the thread that draws the window. Everything else about the protocol is plain
 * Node (electron/core/process), tested with a Node child in its place.
 */
export const forkUtilityCore =
  (entry: string, logDir: string): SpawnCore =>
  () => {
    // The core writes its own errors to the same log folder as main (its first argument).
    const child = utilityProcess.fork(entry, [logDir], { serviceName: 'Pathfinder data', stdio: 'inherit', execArgv: [...coreExecArgv], env: coreEnv() })
    return {
      get pid() {
        return child.pid
      },
      post: (message) => child.postMessage(message),
      onMessage: (listener) => void child.on('message', (message: unknown) => listener(message)),
      onExit: (listener) => void child.once('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    }
  }
