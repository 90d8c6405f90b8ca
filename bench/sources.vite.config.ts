import { resolve } from 'node:path'
import { defineConfig } from 'vite'

/** Bundles bench/sourceImports.ts into out/bench-sources/run.js, as bench/vite.config.ts does the main benchmark. */
const root = resolve(import.meta.dirname, '..')

export default defineConfig({
  root,
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  build: {
    ssr: resolve(root, 'bench', 'sourceImports.ts'),
    outDir: resolve(root, 'out', 'bench-sources'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { format: 'es', entryFileNames: 'run.js' } },
  },
})
