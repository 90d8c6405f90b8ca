import { chromium, type Frame, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { contract, createClient, type Result } from '../../../shared/contract'
import { coreRestartedChannel } from '../../../shared/contract/coreEvents'
import { contentSecurityPolicy } from '../../../shared/contract/transport'
import { browserHost, type HostServices } from '../../../electron/core/host/hostServices'
import { resolveStatic } from '../../../electron/core/host/resolveStatic'
import { startCoreProcess } from '../../../electron/core/process/coreProcess'
import { forkNodeCore } from '../../../electron/core/process/nodeCoreChild'
import { registerIpc, type IpcMainLike } from '../../../electron/main/ipc'
import type { IpcSender } from '../../../electron/main/security'
import { createPdfPrinter } from '../../../electron/web/pdf'
import { sendFile } from '../../../electron/web/staticFiles'
import { deliverFunction, invokeBinding, preloadInitScript } from './preloadShim'
import type { RunningApp } from './runningApp'
import { repoRoot } from './webHost'

type Listener = Parameters<IpcMainLike['handle']>[1]

interface Harness {
  invoke(source: { frame: Frame; page: Page }, channel: string, input: unknown): Promise<Result<unknown>> | Result<unknown>
}

/** A page's preload is installed once; each (re)started harness takes over its calls. */
const wired = new WeakMap<Page, { current: Harness | null }>()

async function wirePage(page: Page): Promise<{ current: Harness | null }> {
  const existing = wired.get(page)
  if (existing) return existing
  const slot: { current: Harness | null } = { current: null }
  wired.set(page, slot)
  await page.exposeBinding(invokeBinding, (source, channel: unknown, input: unknown) => {
    // As Electron answers an invoke nobody handles: the renderer's promise rejects.
    if (!slot.current || typeof channel !== 'string') throw new Error(`No handler registered for '${String(channel)}'`)
    return slot.current.invoke(source, channel, input)
  })
  await page.addInitScript({ content: preloadInitScript(readFileSync(join(repoRoot, 'out', 'preload', 'index.cjs'), 'utf8')) })
  return slot
}

/**
 * The desktop app's path without Electron's binary: the built renderer over http on 127.0.0.1,
 * window.api from the real preload, answered by main's real registerIpc (ipcMain stood in) and
 * the core in its own process over the process protocol (a Node child for the utility process).
 * Its host is the web host's (no native dialogs, PDFs by headless Chromium), so the same stories run.
 */
export async function startDesktop(dataDir: string, page: Page): Promise<RunningApp> {
  const slot = await wirePage(page)
  const printer = createPdfPrinter(chromium)
  const host: HostServices = { ...browserHost(), printPdf: (html, options) => printer.print(html, options) }
  const deliver = (channel: string, payload: unknown) => page.evaluate(`window.${deliverFunction}(${JSON.stringify(channel)}, ${JSON.stringify(payload)})`).catch(() => {})
  const core = await startCoreProcess({
    spawn: forkNodeCore(join(repoRoot, 'out', 'main', 'coreProcess.js')),
    dataDir,
    contentDir: join(repoRoot, 'data', 'paths'),
    host,
    decide: async () => 'quit',
    onRestart: (event) => void deliver(coreRestartedChannel, event),
  })
  if (!core) throw new Error(`The core process could not open ${dataDir}`)

  const rendererDir = join(repoRoot, 'out', 'renderer')
  const server = createServer((req, res) => {
    const file = resolveStatic(rendererDir, new URL(req.url ?? '/', 'http://127.0.0.1').pathname) ?? resolveStatic(rendererDir, '/')
    if (!file) return void res.writeHead(404).end()
    sendFile(res, file, { 'Content-Security-Policy': contentSecurityPolicy })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('The renderer server has no port')
  const origin = `http://127.0.0.1:${address.port}`

  const handlers = new Map<string, Listener>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  }
  const unregister = registerIpc(ipcMain, core, [origin])
  slot.current = {
    invoke({ frame, page: source }, channel, input) {
      const handler = handlers.get(channel)
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      // The same identities Electron gives: the sender's frame is the main frame only for the top document.
      const mainFrame = { url: source.mainFrame().url() }
      const event: IpcSender = { senderFrame: frame === source.mainFrame() ? mainFrame : { url: frame.url() }, sender: { mainFrame } }
      return handler(event, input)
    },
  }

  let stopped: Promise<void> | undefined
  return {
    url: `${origin}/`,
    origin,
    dataDir,
    api: createClient(contract, (channel, input) => core.dispatch(channel, input)),
    crashCore() {
      if (core.pid === undefined) throw new Error('The core process has no pid')
      process.kill(core.pid, 'SIGKILL')
    },
    stop() {
      stopped ??= (async () => {
        unregister()
        slot.current = null
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeAllConnections()
        await serverClosed
        await Promise.allSettled([core.close(), printer.close()])
      })()
      return stopped
    },
  }
}
