import type { Api } from '@shared/contract'
import type { DesktopBridge } from '@shared/contract/desktop'

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload; absent in a browser. */
    api?: Api
    /** The desktop app's menu commands and window settings; absent in a browser. */
    desktop?: DesktopBridge
  }
}

export {}
