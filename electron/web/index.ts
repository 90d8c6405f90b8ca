import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import type { BrowserType } from 'playwright-core'
import { browserHost, type HostServices } from '../core/host/hostServices'
import { describeRecovery, openWithRecovery } from '../core/host/openWithRecovery'
import { createPdfPrinter } from './pdf'
import { defaultDataDir } from '../core/host/paths'
import { parseWebHostArgs } from './args'
import { startWebHost } from './server'
import { loadOrCreateToken } from './tokenFile'
import { removeUploads } from '../core/host/importFiles'

// Built to out/main/web.js: the app root is two folders up.
const appRoot = resolve(import.meta.dirname, '..', '..')

function openInBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  spawn(command, [url], { detached: true, stdio: 'ignore' }).on('error', () => console.log('Could not open a browser; open the address above.')).unref()
}

async function main(): Promise<void> {
  const args = parseWebHostArgs(process.argv.slice(2))
  const dataDir = resolve(args.dataDir ?? defaultDataDir())
  // PDFs are printed by headless Chromium, launched on the first export and kept for the next.
  // playwright-core is loaded then too: held from the start it costs some 85 MB of memory (npm run bench).
  const chromium: Pick<BrowserType, 'launch'> = { launch: async (options) => (await import('playwright-core')).chromium.launch(options) }
  const printer = createPdfPrinter(chromium)
  const host: HostServices = { ...browserHost(), printPdf: (html, options) => printer.print(html, options) }
  const core = await openWithRecovery({ dataDir, contentDir: join(appRoot, 'data', 'paths'), host }, async (error) => {
    console.error(describeRecovery(error))
    if (args.recovery) return args.recovery
    console.error(error.canRestore ? 'Run again with --restore-newest-backup to restore it, or --start-fresh to start empty.' : 'Run again with --start-fresh to start empty.')
    return 'quit'
  })
  if (!core) process.exit(1)
  // After the store opened: a folder whose data could not be read gets nothing new written to it.
  const token = loadOrCreateToken(dataDir, { rotate: args.newToken })
  // Uploads of an earlier run were never imported by anyone who can still ask for them.
  removeUploads(dataDir, new Date())
  const webHost = await startWebHost({ dispatcher: core, rendererDir: join(appRoot, 'out', 'renderer'), port: args.port, token, dataDir })
  console.log(`Pathfinder is running at ${webHost.url}`)
  console.log(`Data folder: ${dataDir}`)
  if (args.open) openInBrowser(webHost.url)

  const shutdown = () => {
    void Promise.allSettled([webHost.close(), printer.close()]).finally(() => {
      core.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
