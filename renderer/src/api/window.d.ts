import type { Api } from '@shared/contract'

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload; absent in a browser. */
    api?: Api
  }
}

export {}
