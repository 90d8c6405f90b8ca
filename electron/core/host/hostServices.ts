import type { HostInfo, PickFileKind } from '@shared/domain/host'
import type { ReportPdfOptions } from '@shared/domain/report'

/**
 * Secrets (a GitHub token) kept by the host: encrypted with the OS keychain in the desktop
 * app, in memory for the session in the web host. Never in SQLite, never in a log. Async
 * because in the desktop app the core runs in its own process and only main may use the keychain.
 */
export interface SecretStore {
  readonly storage: HostInfo['secretStorage']
  get(name: string): Promise<string | undefined>
  set(name: string, value: string): Promise<void>
  delete(name: string): Promise<void>
}

/** What only the host process can do; core asks for it through this, never imports a host. */
export interface HostServices {
  kind: HostInfo['kind']
  secrets: SecretStore
  /** A native folder picker; absent where there is none (the browser types a path instead). */
  pickFolder?: () => Promise<string | null>
  /** A native file picker for a file to import; the core reads the path it gives. */
  pickFile?: (kind: PickFileKind) => Promise<string | null>
  /** Prints self-contained HTML to PDF with Chromium (printToPDF, or headless in the web host). */
  printPdf?: (html: string, options: ReportPdfOptions) => Promise<Buffer>
  /** A native save dialog that writes the file; null when the person cancels. */
  saveFile?: (suggestedName: string, data: Buffer) => Promise<string | null>
}

export function memorySecretStore(): SecretStore {
  const values = new Map<string, string>()
  return {
    storage: 'memory',
    get: async (name) => values.get(name),
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
  }
}

export const browserHost = (): HostServices => ({ kind: 'browser', secrets: memorySecretStore() })
