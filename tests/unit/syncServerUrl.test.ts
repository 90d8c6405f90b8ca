import { describe, expect, it } from 'vitest'
import { syncServerUrl } from '@shared/contract/syncServerUrl'

const said = (value: string): string | null => {
  const result = syncServerUrl.safeParse(value)
  return result.success ? null : (result.error.issues[0]?.message ?? '')
}

describe('the sync server address', () => {
  it('takes wss:// anywhere, and ws:// only on this machine or the home network', () => {
    for (const ok of ['wss://sync.example.org', 'wss://sync.example.org:8443/room', 'ws://localhost:3030', 'ws://127.0.0.1:3030', 'ws://[::1]:3030', 'ws://192.168.1.20:3030', 'ws://10.0.0.5', 'ws://nas.local:3030', 'ws://nas:3030']) {
      expect(said(ok), ok).toBeNull()
    }
    expect(syncServerUrl.parse('  WSS://Sync.Example.org  ')).toBe('wss://sync.example.org/')
  })

  it('refuses, in words, what is not a WebSocket address, names and passwords, and clear text across the internet', () => {
    expect(said('')).toMatch(/Give the sync server’s address/)
    expect(said('sync.example.org')).toMatch(/not a server address/)
    expect(said('https://sync.example.org')).toMatch(/starts with wss:\/\//)
    expect(said('file:///etc/passwd')).toMatch(/starts with wss:\/\//)
    expect(said('wss://me:secret@sync.example.org')).toMatch(/Leave names and passwords out/)
    expect(said('ws://sync.example.org')).toMatch(/Use wss:\/\/ for a server outside your own network/)
    expect(said('ws://8.8.8.8:3030')).toMatch(/Use wss:\/\//)
    expect(said('ws://fdroid.org')).toMatch(/Use wss:\/\//)
    expect(said('ws://[fd12::1]:3030')).toBeNull()
    expect(said('wss://sync.example.org/#room')).toMatch(/#part/)
    expect(said(`wss://${'a'.repeat(2000)}.org`)).toMatch(/too long/)
  })
})
