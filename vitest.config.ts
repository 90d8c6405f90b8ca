import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)), '@renderer': fileURLToPath(new URL('./renderer/src', import.meta.url)) }

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one, on a 2-core machine. Much of this
    // suite waits on child processes, Chromium and loopback servers, so three keep both cores busy.
    maxWorkers: 3,
    projects: [
      {
        resolve: { alias },
        // Threads without per-file isolation: the core's modules load once per worker instead of
        // once per file, which was half of this project's CPU time. The tests share no module
        // state (each opens its own temp store), and stubbed globals are put back after each test.
        test: { name: 'node', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000, pool: 'threads', isolate: false, unstubGlobals: true },
      },
      {
        plugins: [vue()],
        resolve: { alias },
        // Isolated per file: stores, theme and the last-used kind live in module state and localStorage.
        test: { name: 'component', environment: 'happy-dom', include: ['tests/component/**/*.test.ts'], setupFiles: ['tests/component/support/componentSetup.ts'], pool: 'threads', testTimeout: 15_000 },
      },
    ],
  },
})
