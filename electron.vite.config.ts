import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './shared/contract/transport'

/**
 * Both hosts send the CSP as a header; the built page carries it too, so it holds however the
 * file is opened. Only in builds: the dev server's hot reload needs what the policy forbids.
 * frame-ancestors is header-only, so it is left out of the meta tag.
 */
const cspMeta = (): Plugin => ({
  name: 'pathfinder-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy.replace(/; frame-ancestors [^;]+/, '') },
      injectTo: 'head',
    },
  ],
})

/**
 * Asset URLs from the root, not relative: the web host answers a deep link such as
 * /activities/insights with index.html, whose scripts must then not be looked for under
 * /activities/. app://pathfinder/ is a standard scheme, so '/' is its root in the desktop app
 * too. electron-vite forces './' for builds in a plugin of its own, hence a later one.
 */
const rootAssetUrls = (): Plugin => ({
  name: 'pathfinder-root-asset-urls',
  enforce: 'post',
  config: () => ({ base: '/' }),
})

const alias = { '@shared': resolve(import.meta.dirname, 'shared'), '@renderer': resolve(import.meta.dirname, 'renderer/src') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // Only `dependencies` (the native module) stay in node_modules; what else main needs is
      // bundled (ECharts tree-shaken), so the package carries what the app runs and nothing else.
      // playwright-core is the web host's PDF printer, a development tool: loaded, never bundled.
      externalizeDeps: { include: ['playwright-core'] },
      rollupOptions: {
        // The web host is the same core behind HTTP; it is built here so both hosts ship from one build.
        // The core's own process (a utility process in the app) is plain Node, built beside them.
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          web: resolve(import.meta.dirname, 'electron/web/index.ts'),
          coreProcess: resolve(import.meta.dirname, 'electron/core/process/coreProcessEntry.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be one CommonJS file that requires nothing but 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias },
    plugins: [vue(), cspMeta(), rootAssetUrls()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves builds unminified; the renderer's charts alone would be 1.3 MB.
      minify: true,
      // The largest chunk is the Insights route's, 560 kB with the ECharts parts it draws with;
      // it loads only when that view opens, so the warning would only teach people to skip it.
      chunkSizeWarningLimit: 600,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
})
