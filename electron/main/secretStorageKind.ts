import type { HostInfo } from '@shared/domain/host'

/** What safeStorage reports, as read by desktopHost. */
export interface SafeStorageState {
  encryptionAvailable: boolean
  platform: NodeJS.Platform
  /** safeStorage.getSelectedStorageBackend(), which exists on Linux only. */
  linuxBackend?: string
}

/**
 * Where a secret may be kept. On Linux without a keyring (Secret Service, KWallet) safeStorage
 * falls back to 'basic_text', whose key is written in Chromium's source: that is no encryption,
 * so the secret stays in memory and the person is told why.
 */
export function secretStorageKind(state: SafeStorageState): HostInfo['secretStorage'] {
  if (!state.encryptionAvailable) return 'memory'
  if (state.platform === 'linux' && (state.linuxBackend === 'basic_text' || state.linuxBackend === 'unknown')) return 'memory-no-keyring'
  return 'os-keychain'
}
