import type { ToCore } from './messages'

/**
 * One started core process as main sees it. Two adapters fill it in: Electron's
 * utilityProcess.fork (electron/main) and Node's child_process.fork (nodeCoreChild.ts).
 */
export interface CoreChild {
  readonly pid: number | undefined
  post(message: ToCore): void
  onMessage(listener: (message: unknown) => void): void
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

export type SpawnCore = () => CoreChild
