import { describe, expect, it } from 'vitest'
import { secretStorageKind } from '../../electron/main/secretStorageKind'

describe('where the desktop app keeps a token', () => {
  it('uses the OS keychain where safeStorage really encrypts', () => {
    expect(secretStorageKind({ encryptionAvailable: true, platform: 'darwin' })).toBe('os-keychain')
    expect(secretStorageKind({ encryptionAvailable: true, platform: 'win32' })).toBe('os-keychain')
    expect(secretStorageKind({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'gnome_libsecret' })).toBe('os-keychain')
    expect(secretStorageKind({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'kwallet6' })).toBe('os-keychain')
  })

  it("keeps it in memory, and says why, where Linux's only store is basic_text's fixed key", () => {
    expect(secretStorageKind({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'basic_text' })).toBe('memory-no-keyring')
    expect(secretStorageKind({ encryptionAvailable: true, platform: 'linux', linuxBackend: 'unknown' })).toBe('memory-no-keyring')
  })

  it('keeps it in memory where nothing can encrypt', () => {
    expect(secretStorageKind({ encryptionAvailable: false, platform: 'linux' })).toBe('memory')
  })
})
