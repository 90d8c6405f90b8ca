import type { Api } from '../../../shared/contract'

/** The app under test, however it is hosted: the web host, or the desktop path without Electron. */
export interface RunningApp {
  /** The address to open. */
  url: string
  origin: string
  dataDir: string
  /** The typed API, for seeding what a story starts from. */
  api: Api
  /** Kills the core's process (desktop path only), as a crash would. */
  crashCore?: () => void
  stop(): Promise<void>
}
