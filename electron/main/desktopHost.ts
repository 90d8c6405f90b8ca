import { BrowserWindow, dialog, safeStorage } from 'electron'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HostServices, SecretStore } from '../core/host/hostServices'
import { memorySecretStore } from '../core/host/hostServices'

/**
 * Secrets encrypted by the OS keychain (safeStorage) in one file beside the database. Where
 * the OS offers no encryption, they stay in memory for the session rather than on disk in
 * plain text.
 */
function keychainSecretStore(userData: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) return memorySecretStore()
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
    get(name) {
      const sealed = read()[name]
      return sealed === undefined ? undefined : safeStorage.decryptString(Buffer.from(sealed, 'base64'))
    },
    set(name, value) {
      write({ ...read(), [name]: safeStorage.encryptString(value).toString('base64') })
    },
    delete(name) {
      const { [name]: _removed, ...rest } = read()
      write(rest)
    },
  }
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
  }
}
