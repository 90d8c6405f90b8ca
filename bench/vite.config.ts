import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/**
 * Bundles the benchmark into one Node module (out/bench/run.js) with the same resolver as the
 * app's build, so `@shared` and TypeScript work without a loader; packages stay external.
 */
const root = resolve(import.meta.dirname, '..')

export default defineConfig({
  root,
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  build: {
    ssr: resolve(root, 'bench', 'run.ts'),
    outDir: resolve(root, 'out', 'bench'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'run.js' } },
  },
})
