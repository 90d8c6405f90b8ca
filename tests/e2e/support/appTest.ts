import { test as base } from '@playwright/test'
import { startDesktop } from './desktopHarness'
import { apiFor } from './hostApi'
import type { RunningApp } from './runningApp'
import { startHost } from './webHost'

/** The Playwright project whose stories run on the desktop path (preload, IPC bridge, core process). */
export const desktopProject = 'desktop-ipc'

/**
 * `startApp(dataDir)` starts the app the way the running project hosts it, so one story runs on
 * both transports. Whatever a test left running is stopped after it.
 */
export const test = base.extend<{ startApp: (dataDir: string) => Promise<RunningApp> }>({
  startApp: async ({ page }, use, testInfo) => {
    const started: RunningApp[] = []
    await use(async (dataDir) => {
      const app: RunningApp =
        testInfo.project.name === desktopProject
          ? await startDesktop(dataDir, page)
          : await startHost(dataDir).then((host) => ({ ...host, api: apiFor(host) }))
      started.push(app)
      return app
    })
    await Promise.all(started.map((app) => app.stop()))
  },
})

export { expect } from '@playwright/test'
