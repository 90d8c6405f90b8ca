import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive Debian's Chromium (Playwright cannot download its own browser here)
 * against the web host, which each test starts on its own temp data folder. The desktop-ipc
 * project runs the stories again on the desktop app's path: the real preload, main's real IPC
 * registration and the core in its own process, with only Electron's objects stood in
 * (tests/e2e/support/desktopHarness.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two files at a time: every test has its own host and data folder, and the browser waits on
  // the host as much as it computes, so a second worker fills the gaps on a 2-core machine.
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1360, height: 900 },
    // Dates follow the browser's language: pinned, so the figures tests read do not depend on the machine.
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'off',
  },
  projects: [
    { name: 'web', testIgnore: /desktop-ipc\.spec\.ts/ },
    { name: 'desktop-ipc', testMatch: /(roadmap-status|roadmap-goals|activities|reports|desktop-ipc)\.spec\.ts/ },
  ],
})
