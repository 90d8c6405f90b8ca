import { fork } from 'node:child_process'
import type { SpawnCore } from './coreChild'

/**
 * The core's process as a Node child: what stands in for Electron's utility process in tests
 * and the benchmark. Advanced serialization is structured clone, as Electron's ports use.
 */
export const forkNodeCore =
  (entry: string, options: { execArgv?: string[] } = {}): SpawnCore =>
  () => {
    const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: options.execArgv ?? [] })
    return {
      get pid() {
        return child.pid
      },
      // A message to a child that just died is dropped: its exit answers whatever was waiting on it.
      post: (message) => {
        if (child.connected) child.send(message, (error) => void error)
      },
      onMessage: (listener) => void child.on('message', (message) => listener(message)),
      onExit: (listener) => void child.once('exit', (code) => listener(code)),
      kill: () => void child.kill('SIGKILL'),
    }
  }
