import { BrowserWindow, dialog, safeStorage } from 'electron'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { ReportPdfOptions } from '@shared/domain/report'
import type { PickFileKind } from '@shared/domain/host'
import { join } from 'node:path'
import type { HostServices, SecretStore } from '../core/host/hostServices'
import { memorySecretStore } from '../core/host/hostServices'
import { secretStorageKind } from './secretStorageKind'

/**
 * Secrets encrypted by the OS keychain (safeStorage) in one file beside the database. Where
 * the OS offers no real encryption (secretStorageKind), they stay in memory for the session
 * rather than on disk under a key anyone can read.
 */
function keychainSecretStore(userData: string): SecretStore {
  const kind = secretStorageKind({
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    platform: process.platform,
    ...(process.platform === 'linux' ? { linuxBackend: safeStorage.getSelectedStorageBackend() } : {}),
  })
  if (kind !== 'os-keychain') return { ...memorySecretStore(), storage: kind }
  const file = join(userData, 'secrets.json')
  const read = (): Record<string, string> => {
    if (!existsSync(file)) return {}
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
      return typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string')) : {}
    } catch {
      return {}
    }
  }
  const write = (values: Record<string, string>) => {
    writeFileSync(`${file}.tmp`, JSON.stringify(values), { mode: 0o600 })
    renameSync(`${file}.tmp`, file)
  }
  return {
    storage: 'os-keychain',
    async get(name) {
      const sealed = read()[name]
      return sealed === undefined ? undefined : safeStorage.decryptString(Buffer.from(sealed, 'base64'))
    },
    async set(name, value) {
      write({ ...read(), [name]: safeStorage.encryptString(value).toString('base64') })
    },
    async delete(name) {
      const { [name]: _removed, ...rest } = read()
      write(rest)
    },
  }
}

/**
 * Prints the report's HTML in a hidden, sandboxed window with JavaScript off; the HTML is
 * self-contained, so nothing is fetched. Electron's printToPDF takes ReportPdfOptions as is.
 */
async function printPdf(html: string, options: ReportPdfOptions): Promise<Buffer> {
  const window = new BrowserWindow({
    show: false,
    // Its own in-memory session, so the request block below touches nothing of the app's window.
    webPreferences: { partition: 'pathfinder-print', sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' },
  })
  try {
    window.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }))
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`)
    return await window.webContents.printToPDF(options)
  } finally {
    window.destroy()
  }
}

const fileFilters: Record<string, { name: string; extensions: string[] }> = {
  '.pdf': { name: 'PDF document', extensions: ['pdf'] },
  '.md': { name: 'Markdown', extensions: ['md'] },
  '.html': { name: 'Web page', extensions: ['html'] },
  '.json': { name: 'JSON', extensions: ['json'] },
  '.csv': { name: 'CSV spreadsheet', extensions: ['csv'] },
  '.ics': { name: 'iCalendar', extensions: ['ics'] },
}

const pickers: Record<PickFileKind, { title: string; filter: { name: string; extensions: string[] } }> = {
  export: { title: 'Choose a Pathfinder export to import', filter: { name: 'JSON', extensions: ['json'] } },
  csv: { title: 'Choose a CSV file to import', filter: { name: 'CSV spreadsheet', extensions: ['csv'] } },
  feed: { title: 'Choose an RSS or Atom feed to import', filter: { name: 'RSS or Atom feed', extensions: ['xml', 'rss', 'atom'] } },
  badge: { title: 'Choose a badge to import', filter: { name: 'Open Badge (JSON, or a PNG or SVG with the badge baked in)', extensions: ['json', 'jsonld', 'png', 'svg', 'jwt'] } },
  calendar: { title: 'Choose a calendar to import', filter: { name: 'iCalendar', extensions: ['ics', 'ical', 'ifb', 'icalendar'] } },
}

async function saveFile(suggestedName: string, data: Buffer): Promise<string | null> {
  const filter = fileFilters[extname(suggestedName)]
  const window = BrowserWindow.getFocusedWindow()
  const options = { defaultPath: suggestedName, filters: filter ? [filter] : [] }
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  if (result.canceled || !result.filePath) return null
  await writeFile(result.filePath, data)
  return result.filePath
}

export function desktopHost(userData: string): HostServices {
  return {
    kind: 'desktop',
    secrets: keychainSecretStore(userData),
    async pickFolder() {
      const window = BrowserWindow.getFocusedWindow()
      const options = { title: 'Choose a folder of git repositories', properties: ['openDirectory' as const] }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async pickFile(kind) {
      const window = BrowserWindow.getFocusedWindow()
      const { title, filter } = pickers[kind]
      const options = { title, properties: ['openFile' as const], filters: [filter] }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    printPdf,
    saveFile,
  }
}
