import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { build } from 'vite'
import { repoRoot } from './tempCore'

export interface NodeScripts {
  /** Absolute path of the runnable .mjs built from the entry of that name. */
  path(name: string): string
  dispose(): void
}

/**
 * Child processes that run the app's real core. Node 20 cannot run TypeScript (no tsx, no
 * strip-types), so Vite, already here to build the app, bundles the entries with the app's
 * aliases into plain ES modules (well under a second). Pure-JS packages are bundled in, tree-
 * shaken, so a child starts fast (the crash test starts one per kill); better-sqlite3, a
 * native module, stays external and resolves from the repo's node_modules, as the output sits
 * under node_modules/.cache. Each call builds into its own folder: test files run in parallel.
 */
export async function buildNodeScripts(entries: readonly string[]): Promise<NodeScripts> {
  const cacheDir = join(repoRoot, 'node_modules', '.cache', 'pathfinder-test-scripts')
  mkdirSync(cacheDir, { recursive: true })
  const outDir = mkdtempSync(join(cacheDir, 'build-'))
  const input = Object.fromEntries(entries.map((entry) => [basename(entry).replace(/\.ts$/, ''), entry]))
  await build({
    configFile: false,
    logLevel: 'error',
    root: repoRoot,
    resolve: { alias: { '@shared': join(repoRoot, 'shared') } },
    ssr: { noExternal: true, external: ['better-sqlite3'] },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: { input, output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  })
  return {
    path: (name) => join(outDir, `${name}.mjs`),
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  }
}
