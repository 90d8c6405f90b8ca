import { homedir } from 'node:os'
import { join } from 'node:path'

export const appName = 'Pathfinder'

/**
 * The folder Electron would use as userData on this platform, so the desktop app and the
 * web host open the same data when neither is told otherwise.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName)
}
