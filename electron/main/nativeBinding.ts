import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 for Electron's ABI. A packaged app carries one rebuilt by electron-builder;
 * in development `npm install` builds one into native/electron/ (scripts/native-electron.mjs)
 * so node_modules keeps the Node build the tests need.
 */
export function electronNativeBinding(appRoot: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined
  const file = join(appRoot, 'native', 'electron', 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}
