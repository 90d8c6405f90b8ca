import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)), '@renderer': fileURLToPath(new URL('./renderer/src', import.meta.url)) }

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'node', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000 },
      },
      {
        plugins: [vue()],
        resolve: { alias },
        test: { name: 'component', environment: 'happy-dom', include: ['tests/component/**/*.test.ts'], setupFiles: ['tests/component/support/componentSetup.ts'] },
      },
    ],
  },
})
