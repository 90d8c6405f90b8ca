import type { Api } from '@shared/contract'
import type { DesktopEvents } from '@shared/contract/coreEvents'

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload; absent in a browser. */
    api?: Api
    /** Present in the desktop app: what main says outside any call. */
    pathfinderEvents?: DesktopEvents
  }
}

export {}
